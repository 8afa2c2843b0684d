#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace loyalty::hq {

// One pushed event as the till sent it (docs/sync-protocol.md, POST /v1/events), shape checked.
struct EventEnvelope
{
    QString id;
    QString tillId;
    qint64 sequence = 0;
    QString type;
    QString createdAt;
    QJsonObject payload;
    // The payload as the till wrote it in the request, stored as it is (EventPayloadTexts); empty:
    // serialise `payload`.
    QByteArray payloadText;
};

}  // namespace loyalty::hq
