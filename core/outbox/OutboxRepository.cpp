#include "outbox/OutboxRepository.h"

#include "store/StoreError.h"

#include <QJsonDocument>
#include <QUuid>
#include <QVariant>

namespace loyalty {

OutboxRepository::OutboxRepository(const QSqlDatabase& db)
    : m_db(db)
    , m_nextSequence(db)
    , m_insert(db)
    , m_claimed(db)
    , m_lastEntry(db)
    , m_unclaimed(db)
    , m_claim(db)
    , m_memberUuid(db)
{
    m_nextSequence.prepare(QStringLiteral("INSERT INTO till_counters (name, value) VALUES ('outbox.sequence', 1)"
                                          " ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value"));
    m_insert.prepare(QStringLiteral("INSERT INTO outbox_events (uuid, till_id, sequence, type, payload, sale_id,"
                                    " created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')"));
    m_claimed.prepare(QStringLiteral("SELECT value FROM till_counters WHERE name = ?"));
    // max(id) of a rowid table is one step to the end of its b-tree.
    m_lastEntry.prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM ledger_entries"));
    m_unclaimed.prepare(QStringLiteral("SELECT m.uuid, l.account, l.kind, l.points, l.reason, l.explanation,"
                                       " l.expires_on, l.created_at FROM ledger_entries l"
                                       " JOIN members m ON m.id = l.member_id"
                                       " WHERE l.id > ? AND l.id <= ? AND l.origin_key IS NULL ORDER BY l.id"));
    m_claim.prepare(QStringLiteral("INSERT INTO till_counters (name, value) VALUES (?, ?)"
                                   " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
    m_memberUuid.prepare(QStringLiteral("SELECT uuid FROM members WHERE id = ?"));
}

Result<QJsonArray> OutboxRepository::claimLedger()
{
    m_claimed.bindValue(0, kLedgerClaimedCounter);
    if (!m_claimed.exec())
        return StoreError::from(m_claimed.lastError());
    const qint64 claimed = m_claimed.next() ? m_claimed.value(0).toLongLong() : 0;
    m_claimed.finish();
    if (!m_lastEntry.exec() || !m_lastEntry.next())
        return StoreError::from(m_lastEntry.lastError());
    const qint64 last = m_lastEntry.value(0).toLongLong();
    m_lastEntry.finish();

    QJsonArray ledger;
    if (last <= claimed)
        return ledger;
    m_unclaimed.bindValue(0, claimed);
    m_unclaimed.bindValue(1, last);
    if (!m_unclaimed.exec())
        return StoreError::from(m_unclaimed.lastError());
    while (m_unclaimed.next()) {
        const QVariant expiresOn = m_unclaimed.value(6);
        ledger.append(QJsonObject{
            {QStringLiteral("n"), ledger.size() + 1},
            {QStringLiteral("member_uuid"), m_unclaimed.value(0).toString()},
            {QStringLiteral("account"), m_unclaimed.value(1).toString()},
            {QStringLiteral("kind"), m_unclaimed.value(2).toString()},
            {QStringLiteral("points"), m_unclaimed.value(3).toLongLong()},
            {QStringLiteral("reason"), m_unclaimed.value(4).toString()},
            {QStringLiteral("explanation"), m_unclaimed.value(5).toString()},
            {QStringLiteral("expires_on"), expiresOn.isNull() ? QJsonValue() : QJsonValue(expiresOn.toString())},
            {QStringLiteral("created_at"), m_unclaimed.value(7).toString()}});
    }
    m_unclaimed.finish();
    // Past head office's entries as well, so the next event does not walk them again.
    m_claim.bindValue(0, kLedgerClaimedCounter);
    m_claim.bindValue(1, last);
    if (!m_claim.exec())
        return StoreError::from(m_claim.lastError());
    return ledger;
}

Result<OutboxEvent> OutboxRepository::append(const QString& tillId, const QString& type, const QJsonObject& payload,
                                             std::optional<qint64> saleId, const QString& createdAt)
{
    if (!m_nextSequence.exec() || !m_nextSequence.next())
        return StoreError::from(m_nextSequence.lastError());
    OutboxEvent event;
    event.sequence = m_nextSequence.value(0).toLongLong();
    m_nextSequence.finish();

    auto ledger = claimLedger();
    if (!ledger)
        return ledger.error();
    QJsonObject withLedger = payload;
    withLedger.insert(QStringLiteral("ledger"), *ledger);

    event.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.tillId = tillId;
    event.type = type;
    event.payload = QJsonDocument(withLedger).toJson(QJsonDocument::Compact);
    event.saleId = saleId;
    event.createdAt = createdAt;
    event.state = QStringLiteral("pending");

    m_insert.bindValue(0, event.uuid);
    m_insert.bindValue(1, event.tillId);
    m_insert.bindValue(2, event.sequence);
    m_insert.bindValue(3, event.type);
    m_insert.bindValue(4, QString::fromUtf8(event.payload));
    m_insert.bindValue(5, saleId ? QVariant(*saleId) : QVariant(QMetaType::fromType<qint64>()));
    m_insert.bindValue(6, event.createdAt);
    if (!m_insert.exec())
        return StoreError::from(m_insert.lastError());
    event.id = m_insert.lastInsertId().toLongLong();
    return event;
}

Result<qint64> OutboxRepository::pendingCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox_events WHERE state = 'pending'")) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

Result<QString> OutboxRepository::memberUuid(qint64 memberId)
{
    m_memberUuid.bindValue(0, memberId);
    if (!m_memberUuid.exec())
        return StoreError::from(m_memberUuid.lastError());
    const QString uuid = m_memberUuid.next() ? m_memberUuid.value(0).toString() : QString();
    m_memberUuid.finish();
    return uuid;
}

}  // namespace loyalty
