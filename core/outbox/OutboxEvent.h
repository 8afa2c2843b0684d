#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace loyalty {

// An event waiting for head office. Its UUID is born at the till, once, in the same transaction
// as its effect, so sending it again is always safe; the per-till sequence gives head office order.
struct OutboxEvent
{
    qint64 id = 0;
    QString uuid;
    QString tillId;
    qint64 sequence = 0;
    QString type;        // "sale.completed"
    QByteArray payload;  // compact JSON
    std::optional<qint64> saleId;
    QString createdAt;
    QString state;  // "pending" until head office acknowledges it
};

}  // namespace loyalty
