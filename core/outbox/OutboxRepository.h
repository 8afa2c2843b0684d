#pragma once

#include "common/Result.h"
#include "outbox/OutboxEvent.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Writes events to the outbox inside the caller's transaction and reports its length.
class OutboxRepository final
{
public:
    explicit OutboxRepository(const QSqlDatabase& db);

    // Must run inside a write transaction: the sequence is taken from the till's counter.
    Result<OutboxEvent> append(const QString& tillId, const QString& type, const QJsonObject& payload,
                               std::optional<qint64> saleId, const QString& createdAt);
    Result<qint64> pendingCount() const;

private:
    QSqlDatabase m_db;
    QSqlQuery m_nextSequence;
    QSqlQuery m_insert;
};

}  // namespace loyalty
