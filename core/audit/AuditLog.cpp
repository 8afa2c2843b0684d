#include "audit/AuditLog.h"

#include "audit/AuditHash.h"
#include "staff/StaffSession.h"
#include "store/StoreError.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

namespace {

QJsonObject objectOf(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// An empty but null QString binds as NULL, which the NOT NULL columns refuse.
QString nonNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

}  // namespace

AuditLog::AuditLog(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<AuditEntry> AuditLog::append(const StaffSession& by, const QString& action, const QString& memberRef,
                                    const QString& reason, const QJsonObject& before, const QJsonObject& after,
                                    const QString& recordedAt)
{
    QSqlQuery head(m_db);
    head.prepare(QStringLiteral("SELECT (SELECT value FROM till_counters WHERE name = ?),"
                                " (SELECT value FROM settings WHERE key = ?), (SELECT count(*) FROM audit_log)"));
    head.bindValue(0, kHeadSeqCounter);
    head.bindValue(1, kHeadHashSetting);
    if (!head.exec() || !head.next())
        return StoreError::from(head.lastError());
    const bool hasHead = !head.value(0).isNull() && !head.value(1).isNull();
    const qint64 headSeq = hasHead ? head.value(0).toLongLong() : 0;
    const QString headHash = hasHead ? head.value(1).toString() : AuditHash::kGenesis;
    const qint64 rows = head.value(2).toLongLong();
    head.finish();
    if (!hasHead && rows > 0) {
        // Continuing from the table would hide whatever removed the head; verify tells the story.
        return Error{Error::Code::Corrupt,
                     tr("The audit log's head is missing although it has entries; run \"loyalty-ctl audit verify\"."),
                     QStringLiteral("audit_tampered")};
    }

    AuditEntry entry;
    entry.seq = headSeq + 1;
    entry.recordedAt = recordedAt;
    entry.staffId = by.staffId;
    entry.staffName = by.staffId == 0 && by.name.isEmpty() ? kAdministratorName : by.name;
    entry.action = action;
    entry.memberRef = memberRef;
    entry.reason = reason;
    entry.before = before;
    entry.after = after;
    entry.prevHash = headHash;
    const QByteArray beforeJson = AuditHash::canonicalJson(before);
    const QByteArray afterJson = AuditHash::canonicalJson(after);
    entry.hash = AuditHash::of(entry, beforeJson, afterJson);

    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO audit_log (seq, recorded_at, staff_id, staff_name, action, member_ref,"
                                  " reason, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.bindValue(0, entry.seq);
    insert.bindValue(1, nonNull(entry.recordedAt));
    insert.bindValue(2, entry.staffId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(entry.staffId));
    insert.bindValue(3, nonNull(entry.staffName));
    insert.bindValue(4, nonNull(entry.action));
    insert.bindValue(5, entry.memberRef.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(memberRef));
    insert.bindValue(6, nonNull(entry.reason));
    insert.bindValue(7, QString::fromUtf8(beforeJson));
    insert.bindValue(8, QString::fromUtf8(afterJson));
    insert.bindValue(9, entry.prevHash);
    insert.bindValue(10, entry.hash);
    if (!insert.exec())
        return StoreError::from(insert.lastError());

    QSqlQuery moveSeq(m_db);
    moveSeq.prepare(QStringLiteral("INSERT INTO till_counters (name, value) VALUES (?, ?)"
                                   " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
    moveSeq.bindValue(0, kHeadSeqCounter);
    moveSeq.bindValue(1, entry.seq);
    if (!moveSeq.exec())
        return StoreError::from(moveSeq.lastError());
    QSqlQuery moveHash(m_db);
    moveHash.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    moveHash.bindValue(0, kHeadHashSetting);
    moveHash.bindValue(1, entry.hash);
    if (!moveHash.exec())
        return StoreError::from(moveHash.lastError());
    return entry;
}

Result<QList<AuditEntry>> AuditLog::list(int limit, qint64 beforeSeq, const QString& memberRef) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT seq, recorded_at, staff_id, staff_name, action, member_ref, reason, before,"
                                 " after, prev_hash, hash FROM audit_log"
                                 " WHERE (? = 0 OR seq < ?) AND (? = 0 OR member_ref = ?)"
                                 " ORDER BY seq DESC LIMIT ?"));
    query.bindValue(0, beforeSeq);
    query.bindValue(1, beforeSeq);
    // A flag rather than the text: an empty QString binds as NULL, and NULL = '' is not true.
    query.bindValue(2, memberRef.isEmpty() ? 0 : 1);
    query.bindValue(3, memberRef.isEmpty() ? QStringLiteral("-") : memberRef);
    query.bindValue(4, qMax(limit, 0));
    if (!query.exec())
        return StoreError::from(query.lastError());
    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.seq = query.value(0).toLongLong();
        entry.recordedAt = query.value(1).toString();
        entry.staffId = query.value(2).toLongLong();
        entry.staffName = query.value(3).toString();
        entry.action = query.value(4).toString();
        entry.memberRef = query.value(5).toString();
        entry.reason = query.value(6).toString();
        entry.before = objectOf(query.value(7).toString());
        entry.after = objectOf(query.value(8).toString());
        entry.prevHash = query.value(9).toString();
        entry.hash = query.value(10).toString();
        entries.append(entry);
    }
    return entries;
}

}  // namespace loyalty
