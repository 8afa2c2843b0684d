#pragma once

#include "common/Result.h"
#include "outbox/OutboxEvent.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Writes events to the outbox inside the caller's transaction and reports its length.
//
// Every event carries, in its payload's "ledger" array, exactly the ledger entries this till booked
// since the previous event (docs/sync-protocol.md, "Event payloads"): the entries with an id above
// the till counter 'outbox.ledger_claimed' that did not come from head office (origin_key IS NULL).
// The counter then moves to the newest entry, so each local entry travels in exactly one event and
// finding them is a short primary-key range, however long the ledger. Every writer books its
// entries and appends its event in one transaction, so an event's entries are its own.
class OutboxRepository final
{
public:
    static inline const QString kLedgerClaimedCounter = QStringLiteral("outbox.ledger_claimed");

    explicit OutboxRepository(const QSqlDatabase& db);

    // Must run inside a write transaction: the sequence is taken from the till's counter.
    Result<OutboxEvent> append(const QString& tillId, const QString& type, const QJsonObject& payload,
                               std::optional<qint64> saleId, const QString& createdAt);
    Result<qint64> pendingCount() const;

    // The member's uuid, the name events give a member (integer ids are the till's own).
    Result<QString> memberUuid(qint64 memberId);

private:
    // The entries booked since the previous event, as the "ledger" array; moves the counter.
    Result<QJsonArray> claimLedger();

    QSqlDatabase m_db;
    QSqlQuery m_nextSequence;
    QSqlQuery m_insert;
    QSqlQuery m_claimed;
    QSqlQuery m_lastEntry;
    QSqlQuery m_unclaimed;
    QSqlQuery m_claim;
    QSqlQuery m_memberUuid;
};

}  // namespace loyalty
