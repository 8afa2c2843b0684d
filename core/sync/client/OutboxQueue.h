#pragma once

#include "common/Result.h"
#include "outbox/OutboxEvent.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace loyalty::sync {

// The outbox as the sync engine sees it: pending events in sequence order, in batches, and their
// delivery states (pending → acknowledged, or rejected for good: the dead letter a manager sees).
// Every state lives in the database, so a crashed or restarted till resumes exactly here.
class OutboxQueue final
{
    Q_DECLARE_TR_FUNCTIONS(OutboxQueue)

public:
    struct Counts
    {
        qint64 pending = 0;
        qint64 acknowledged = 0;
        qint64 rejected = 0;
    };

    struct RejectedEvent
    {
        QString uuid;
        qint64 sequence = 0;
        QString type;
        QString reason;
        QString message;
    };

    // What head office (or the engine, for an event that can never be sent) said about one event.
    struct Delivery
    {
        enum class Outcome
        {
            Acknowledged,  // accepted or duplicate
            Rejected,      // dead-lettered with `reason`
            Failed,        // try again later: attempts + 1, last_error = `message`
        };
        QString uuid;
        Outcome outcome = Outcome::Failed;
        QString reason;
        QString message;
    };

    explicit OutboxQueue(const QSqlDatabase& db);

    // Up to `limit` pending events in sequence order, stopping before the payloads pass `maxBytes`
    // (but always at least one, so an oversize event is still offered and can be dead-lettered).
    Result<QList<OutboxEvent>> pending(int limit, qint64 maxBytes) const;
    // Records every delivery in one transaction; only pending events change state.
    Result<Done> record(const QList<Delivery>& deliveries, const QString& at);
    Result<Counts> counts() const;
    Result<QList<RejectedEvent>> rejected() const;

private:
    QSqlDatabase m_db;
};

}  // namespace loyalty::sync
