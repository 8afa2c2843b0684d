#include "sync/client/OutboxQueue.h"

#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty::sync {

OutboxQueue::OutboxQueue(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<QList<OutboxEvent>> OutboxQueue::pending(int limit, qint64 maxBytes) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The payload as its stored UTF-8 bytes (a blob): read as text, QtSql would turn it into UTF-16 and
    // the till back into UTF-8, for every event of every push.
    query.prepare(QStringLiteral("SELECT id, uuid, till_id, sequence, type, CAST(payload AS BLOB), sale_id,"
                                 " created_at, state"
                                 " FROM outbox_events WHERE state = 'pending' ORDER BY sequence LIMIT ?"));
    query.bindValue(0, limit);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QList<OutboxEvent> events;
    qint64 bytes = 0;
    while (query.next()) {
        OutboxEvent event;
        event.id = query.value(0).toLongLong();
        event.uuid = query.value(1).toString();
        event.tillId = query.value(2).toString();
        event.sequence = query.value(3).toLongLong();
        event.type = query.value(4).toString();
        event.payload = query.value(5).toByteArray();
        if (!query.value(6).isNull())
            event.saleId = query.value(6).toLongLong();
        event.createdAt = query.value(7).toString();
        event.state = query.value(8).toString();
        bytes += event.payload.size();
        if (!events.isEmpty() && bytes > maxBytes)
            break;
        events.append(std::move(event));
    }
    return events;
}

Result<Done> OutboxQueue::record(const QList<Delivery>& deliveries, const QString& at)
{
    if (deliveries.isEmpty())
        return Done{};
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    // The acknowledged events (nearly all of them) go in one statement: one UPDATE per event was a fifth
    // of the till's cost of a push. The UUIDs travel as one JSON array bound as text. The unary + keeps
    // SQLite on the uuid index: on the state index it would walk every pending event for every batch.
    QJsonArray acknowledgedUuids;
    QSqlQuery reject(m_db);
    QSqlQuery fail(m_db);
    for (const Delivery& delivery : deliveries) {
        QSqlQuery* query = nullptr;
        switch (delivery.outcome) {
        case Delivery::Outcome::Acknowledged:
            acknowledgedUuids.append(delivery.uuid);
            continue;
        case Delivery::Outcome::Rejected:
            if (reject.lastQuery().isEmpty())
                reject.prepare(QStringLiteral("UPDATE outbox_events SET state = 'rejected', rejected_reason = ?,"
                                              " last_error = ?, attempts = attempts + 1"
                                              " WHERE uuid = ? AND state = 'pending'"));
            reject.bindValue(0, delivery.reason);
            reject.bindValue(1, delivery.message.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                           : QVariant(delivery.message));
            reject.bindValue(2, delivery.uuid);
            query = &reject;
            break;
        case Delivery::Outcome::Failed:
            if (fail.lastQuery().isEmpty())
                fail.prepare(QStringLiteral("UPDATE outbox_events SET attempts = attempts + 1, last_error = ?"
                                            " WHERE uuid = ? AND state = 'pending'"));
            fail.bindValue(0, delivery.message);
            fail.bindValue(1, delivery.uuid);
            query = &fail;
            break;
        }
        if (!query->exec())
            return StoreError::from(query->lastError());
    }
    if (!acknowledgedUuids.isEmpty()) {
        QSqlQuery acknowledge(m_db);
        if (!acknowledge.prepare(QStringLiteral("UPDATE outbox_events SET state = 'acknowledged', acknowledged_at = ?,"
                                                " attempts = attempts + 1, last_error = NULL"
                                                " WHERE uuid IN (SELECT value FROM json_each(?))"
                                                " AND +state = 'pending'")))
            return StoreError::from(acknowledge.lastError());
        acknowledge.bindValue(0, at);
        acknowledge.bindValue(1, QString::fromUtf8(QJsonDocument(acknowledgedUuids).toJson(QJsonDocument::Compact)));
        if (!acknowledge.exec())
            return StoreError::from(acknowledge.lastError());
    }
    return transaction.commit();
}

Result<OutboxQueue::Counts> OutboxQueue::counts() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT state, count(*) FROM outbox_events GROUP BY state")))
        return StoreError::from(query.lastError());
    Counts counts;
    while (query.next()) {
        const QString state = query.value(0).toString();
        const qint64 count = query.value(1).toLongLong();
        if (state == QLatin1String("pending"))
            counts.pending = count;
        else if (state == QLatin1String("acknowledged"))
            counts.acknowledged = count;
        else if (state == QLatin1String("rejected"))
            counts.rejected = count;
    }
    return counts;
}

Result<QList<OutboxQueue::RejectedEvent>> OutboxQueue::rejected() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT uuid, sequence, type, coalesce(rejected_reason, ''),"
                                   " coalesce(last_error, '') FROM outbox_events WHERE state = 'rejected'"
                                   " ORDER BY sequence")))
        return StoreError::from(query.lastError());
    QList<RejectedEvent> events;
    while (query.next()) {
        events.append({query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toString()});
    }
    return events;
}

}  // namespace loyalty::sync
