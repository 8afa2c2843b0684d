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
{
    m_nextSequence.prepare(QStringLiteral("INSERT INTO till_counters (name, value) VALUES ('outbox.sequence', 1)"
                                          " ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value"));
    m_insert.prepare(QStringLiteral("INSERT INTO outbox_events (uuid, till_id, sequence, type, payload, sale_id,"
                                    " created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')"));
}

Result<OutboxEvent> OutboxRepository::append(const QString& tillId, const QString& type, const QJsonObject& payload,
                                             std::optional<qint64> saleId, const QString& createdAt)
{
    if (!m_nextSequence.exec() || !m_nextSequence.next())
        return StoreError::from(m_nextSequence.lastError());
    OutboxEvent event;
    event.sequence = m_nextSequence.value(0).toLongLong();
    m_nextSequence.finish();

    event.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.tillId = tillId;
    event.type = type;
    event.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
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

}  // namespace loyalty
