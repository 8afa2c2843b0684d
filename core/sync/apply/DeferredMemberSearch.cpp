#include "sync/apply/DeferredMemberSearch.h"

#include "store/StoreError.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace loyalty::sync {

namespace {
const QString kTrigger = QStringLiteral("members_search_insert");
}

DeferredMemberSearch::DeferredMemberSearch(const QSqlDatabase& db)
    : m_db(db)
{
}

QString DeferredMemberSearch::fillStatement(const QString& triggerSql)
{
    // "CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN
    //  INSERT INTO member_search (rowid, name, contact) VALUES (new.id, new.name, <contact>); END"
    static const QRegularExpression shape(
        QStringLiteral("^CREATE TRIGGER members_search_insert AFTER INSERT ON members BEGIN\\s+"
                       "(INSERT INTO member_search \\(rowid, name, contact\\)) VALUES \\((new\\.id, new\\.name, .*)\\);"
                       "\\s*END$"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = shape.match(triggerSql.trimmed());
    if (!match.hasMatch())
        return {};
    // `new` as the alias of members lets the trigger's expression run unchanged. A member inserted
    // and then changed in the same page was indexed by the update trigger already.
    return match.captured(1) + QStringLiteral(" SELECT ") + match.captured(2) +
           QStringLiteral(" FROM members AS new WHERE new.id > ?"
                          " AND new.id NOT IN (SELECT rowid FROM member_search WHERE rowid > ?)");
}

Result<Done> DeferredMemberSearch::begin()
{
    QSqlQuery trigger(m_db);
    trigger.prepare(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?"));
    trigger.bindValue(0, kTrigger);
    if (!trigger.exec())
        return StoreError::from(trigger.lastError());
    if (!trigger.next())
        return Done{};
    m_triggerSql = trigger.value(0).toString();
    trigger.finish();
    m_fill = fillStatement(m_triggerSql);
    if (m_fill.isEmpty())
        return Done{};

    QSqlQuery last(m_db);
    if (!last.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM members")) || !last.next())
        return StoreError::from(last.lastError());
    // New members get ids above the largest (an INTEGER PRIMARY KEY without explicit ids).
    m_lastIdBefore = last.value(0).toLongLong();
    last.finish();
    QSqlQuery drop(m_db);
    if (!drop.exec(QStringLiteral("DROP TRIGGER members_search_insert")))
        return StoreError::from(drop.lastError());
    m_active = true;
    return Done{};
}

Result<Done> DeferredMemberSearch::finish()
{
    if (!m_active)
        return Done{};
    QSqlQuery fill(m_db);
    fill.prepare(m_fill);
    fill.bindValue(0, m_lastIdBefore);
    fill.bindValue(1, m_lastIdBefore);
    if (!fill.exec())
        return StoreError::from(fill.lastError());
    QSqlQuery restore(m_db);
    if (!restore.exec(m_triggerSql))
        return StoreError::from(restore.lastError());
    m_active = false;
    return Done{};
}

}  // namespace loyalty::sync
