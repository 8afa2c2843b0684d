#pragma once

#include "apply/EventEnvelope.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;
class HqTransaction;

// One push: every event of the batch in one write transaction, so a batch of a thousand costs one
// commit. What the events name (their ids, members, sales) is read once for the batch; the
// common events are decided from that alone and written in bulk (EventBuffer); any other event is
// applied on its own inside a savepoint together with the events row that makes it unique, so a
// rejected event leaves nothing behind. Answers one result per event, in order.
class EventBatch final
{
    Q_DECLARE_TR_FUNCTIONS(EventBatch)

public:
    static inline const QString kWrongTill = QStringLiteral("wrong_till");
    static inline const QString kUnknownType = QStringLiteral("unknown_type");

    EventBatch(HqDatabase& database, const Clock& clock);

    // An error only when the storage failed; then nothing of the batch was stored.
    // `payloadTexts`: as HeadOfficeApi::push.
    Result<QJsonArray> push(const QString& tillId, const QJsonArray& events,
                            const QList<QByteArray>& payloadTexts = {});
    // The same inside a write transaction the caller holds and commits (a group commit, HeadOffice).
    Result<QJsonArray> push(HqTransaction& transaction, const QString& tillId, const QJsonArray& events,
                            const QList<QByteArray>& payloadTexts = {});

    // The envelope's shape, or a malformed_event rejection.
    static Result<EventEnvelope> readEnvelope(const QJsonValue& value);

private:
    HqDatabase& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
