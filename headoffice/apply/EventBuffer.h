#pragma once

#include "apply/EventEnvelope.h"
#include "common/Result.h"
#include "records/HqLedgerEntry.h"
#include "store/HqBulkInsert.h"

#include <QSet>

namespace loyalty::hq {

class HqDatabase;

// The fast path of a push for the events that make up a backlog: sales without coupons or
// redemptions, expiry and feedback bookings. Their rows (the event, the sale, ledger entries and
// their changes) are only buffered here and written with bulk inserts when the batch flushes, so
// a thousand such events cost a handful of statements instead of thousands. Whatever the fast
// path cannot decide from the batch's prefetched facts alone (coupons, overdrafts, card and member
// events, anything malformed or naming an unknown member) goes the per-event way instead.
class EventBuffer final
{
public:
    EventBuffer(HqDatabase& database, QString now);
    Q_DISABLE_COPY_MOVE(EventBuffer)

    // True when the event was buffered (it will be accepted); false: apply it the per-event way.
    // `members` and `sales`: what the database and the batch so far hold; a buffered sale joins `sales`.
    bool stage(const EventEnvelope& event, const QSet<QString>& members, QSet<QString>& sales);
    // Writes everything buffered, in order; changes keep the order of their events.
    Result<Done> flush();
    bool isEmpty() const { return m_events.pendingRows() == 0; }

private:
    bool stageSale(const EventEnvelope& event, const QList<HqLedgerEntry>& ledger, const QSet<QString>& members,
                   QSet<QString>& sales);
    void addEvent(const EventEnvelope& event);
    void addLedger(const QList<HqLedgerEntry>& ledger, const QString& originTill);

    QString m_now;
    HqBulkInsert m_events;
    HqBulkInsert m_sales;
    HqBulkInsert m_ledger;
    HqBulkInsert m_changes;
};

}  // namespace loyalty::hq
