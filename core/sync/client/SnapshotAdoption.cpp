#include "sync/client/SnapshotAdoption.h"

#include "outbox/OutboxRepository.h"
#include "settings/SettingsRepository.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "sync/SyncSettingKeys.h"

#include <QFile>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace loyalty::sync {

namespace {

const QString kSnapshotSchema = QStringLiteral("snap");

Result<qint64> scalar(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

Result<Done> exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return StoreError::from(query.lastError());
    return Done{};
}

// The CREATE statements of a table and its indexes in one schema, in a stable order.
Result<QStringList> definitions(const QSqlDatabase& db, const QString& schema, const QString& table)
{
    QSqlQuery query(db);
    // The schema name is this file's constant or "main"; the table name is bound.
    query.prepare(QStringLiteral("SELECT type, name, coalesce(sql, '') FROM %1.sqlite_master"
                                 " WHERE tbl_name = ? AND type IN ('table', 'index') ORDER BY type, name")
                      .arg(schema));
    query.bindValue(0, table);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QStringList rows;
    while (query.next())
        rows << query.value(0).toString() + u' ' + query.value(1).toString() + u' ' + query.value(2).toString();
    return rows;
}

}  // namespace

SnapshotAdoption::SnapshotAdoption(const QSqlDatabase& db)
    : SnapshotAdoption(db, Options{})
{
}

SnapshotAdoption::SnapshotAdoption(const QSqlDatabase& db, Options options)
    : m_db(db)
    , m_options(options)
{
}

const QStringList& SnapshotAdoption::sharedTables()
{
    // What ChangeApplier and its appliers write (members, cards, ledger, remote sales, coupons,
    // catalogue, programmes, card keys and revocations, the member_search index), nothing of the
    // till's own (settings, outbox, sales, staff, audit). The index's shadow tables are copied as
    // they are: both files have the identical FTS5 definition from the same schema code.
    static const QStringList tables{
        QStringLiteral("members"),
        QStringLiteral("cards"),
        QStringLiteral("ledger_entries"),
        QStringLiteral("remote_sales"),
        QStringLiteral("coupon_uses"),
        QStringLiteral("products"),
        QStringLiteral("programmes"),
        QStringLiteral("card_trust_keys"),
        QStringLiteral("revoked_digital_cards"),
        QStringLiteral("member_search_data"),
        QStringLiteral("member_search_idx"),
        QStringLiteral("member_search_content"),
        QStringLiteral("member_search_docsize"),
        QStringLiteral("member_search_config"),
    };
    return tables;
}

Result<Done> SnapshotAdoption::checkEmpty() const
{
    for (const QString& table :
         {QStringLiteral("members"), QStringLiteral("cards"), QStringLiteral("ledger_entries"), QStringLiteral("sales"),
          QStringLiteral("remote_sales"), QStringLiteral("coupon_uses")}) {
        // Table names are this function's constants.
        const auto any = scalar(m_db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(table));
        if (!any)
            return any.error();
        if (*any != 0) {
            return Error{Error::Code::Conflict,
                         tr("The till already holds %1; it continues with the change feed.").arg(table),
                         QStringLiteral("till_not_empty")};
        }
    }
    const auto cursor = SettingsRepository(m_db).value(kCursorKey);
    if (!cursor)
        return cursor.error();
    if (cursor->has_value() && !(*cursor)->isEmpty()) {
        return Error{Error::Code::Conflict,
                     tr("The till has pulled changes already; it continues with the change feed."),
                     QStringLiteral("till_not_empty")};
    }
    return Done{};
}

Result<SnapshotAdoption::Adopted> SnapshotAdoption::adopt(const QString& snapshotPath, const QString& cursor)
{
    if (auto empty = checkEmpty(); !empty)
        return empty.error();
    // A connection of its own: foreign keys off for the copy (the till's connection keeps them on,
    // and the pragma cannot change inside a transaction), and no FTS5 structure cached from before
    // the shadow tables were replaced (the till's connection sees the commit as another's).
    const QString name = QStringLiteral("snapshot-adoption-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<Adopted> result = Error{};
    {
        QSqlDatabase db = QSqlDatabase::cloneDatabase(m_db, name);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI"));
        if (!db.open()) {
            result = StoreError::from(db.lastError());
        } else if (auto off = exec(db, QStringLiteral("PRAGMA foreign_keys = OFF")); !off) {
            result = off.error();
        } else {
            QUrl uri = QUrl::fromLocalFile(snapshotPath);
            uri.setQuery(QStringLiteral("mode=ro"));
            QSqlQuery attach(db);
            attach.prepare(QStringLiteral("ATTACH DATABASE ? AS ") + kSnapshotSchema);
            attach.bindValue(0, uri.toString(QUrl::FullyEncoded));
            if (!attach.exec()) {
                result = StoreError::from(attach.lastError());
            } else {
                result = copy(db, cursor);
                if (auto detached = exec(db, QStringLiteral("DETACH DATABASE ") + kSnapshotSchema); !detached && result)
                    result = detached.error();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (result)
        QFile::remove(snapshotPath);  // adopted: the download has served
    return result;
}

Result<SnapshotAdoption::Adopted> SnapshotAdoption::copy(const QSqlDatabase& db, const QString& cursor)
{
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Checked again inside the write lock: nothing may have arrived since checkEmpty().
    if (auto empty = SnapshotAdoption(db).checkEmpty(); !empty)
        return empty.error();

    const QStringList& tables = sharedTables();
    QSqlQuery triggers(db);
    if (!triggers.exec(QStringLiteral("SELECT name, tbl_name, sql FROM main.sqlite_master WHERE type = 'trigger'")))
        return StoreError::from(triggers.lastError());
    QList<std::pair<QString, QString>> dropped;  // name, sql
    while (triggers.next()) {
        if (tables.contains(triggers.value(1).toString()))
            dropped.append({triggers.value(0).toString(), triggers.value(2).toString()});
    }
    triggers.finish();
    for (const auto& [trigger, sql] : dropped) {
        // A trigger on the destination turns the transfer into row-by-row inserts (and the
        // append-only ledger's would refuse the emptying); restored below in this transaction.
        Q_UNUSED(sql);
        if (auto gone = exec(db, QStringLiteral("DROP TRIGGER main.\"%1\"").arg(trigger)); !gone)
            return gone.error();
    }

    for (const QString& table : tables) {
        const auto mine = definitions(db, QStringLiteral("main"), table);
        if (!mine)
            return mine.error();
        const auto theirs = definitions(db, kSnapshotSchema, table);
        if (!theirs)
            return theirs.error();
        if (mine->isEmpty() || *mine != *theirs) {
            return Error{Error::Code::Corrupt, tr("The snapshot's table %1 is not defined as this till's.").arg(table),
                         QStringLiteral("snapshot_invalid")};
        }
        // Table names come from sharedTables(); the till's seed rows (the index's config) go first
        // so the destination is empty and SQLite copies pages of records instead of inserting rows.
        if (auto emptied = exec(db, QStringLiteral("DELETE FROM main.%1").arg(table)); !emptied)
            return emptied.error();
        if (auto copied =
                exec(db, QStringLiteral("INSERT INTO main.%1 SELECT * FROM %2.%1").arg(table, kSnapshotSchema));
            !copied)
            return copied.error();
    }
    for (const auto& [trigger, sql] : dropped) {
        if (auto restored = exec(db, sql); !restored)
            return restored.error();
    }

    // As ChangeApplier does after a page on a till with no local entries: head office's entries
    // need not be claimed by the next event.
    QSqlQuery claim(db);
    claim.prepare(QStringLiteral("INSERT INTO till_counters (name, value)"
                                 " SELECT ?, coalesce(max(id), 0) FROM ledger_entries WHERE true"
                                 " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
    claim.bindValue(0, OutboxRepository::kLedgerClaimedCounter);
    if (!claim.exec())
        return StoreError::from(claim.lastError());
    if (auto stored = SettingsRepository(db).setValue(kCursorKey, cursor.isNull() ? QStringLiteral("") : cursor);
        !stored)
        return stored.error();

    if (m_options.checkSearchIndex) {
        if (auto checked = exec(db, QStringLiteral("INSERT INTO main.member_search (member_search)"
                                                   " VALUES ('integrity-check')"));
            !checked)
            return checked.error();
    }
    Adopted adopted;
    const auto members = scalar(db, QStringLiteral("SELECT count(*) FROM main.members"));
    if (!members)
        return members.error();
    adopted.members = *members;
    adopted.cursor = cursor;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return adopted;
}

}  // namespace loyalty::sync
