#pragma once

#include "apply/CouponArbiter.h"
#include "apply/EventEnvelope.h"
#include "apply/HqAuditTrail.h"
#include "apply/HqMemberErasure.h"
#include "common/Result.h"
#include "records/HqLedgerEntry.h"
#include "records/HqRecordWriter.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace loyalty::hq {

class HqDatabase;

// Applies one accepted event's effects by its type, as docs/sync-protocol.md's table says. Head
// office books exactly the ledger entries the till booked (payload "ledger"), never re-evaluating a
// programme. An event that can never apply comes back as Error::Code::Refused with the rejection
// reason (unknown_member, card_taken, malformed_event); the caller rolls it back. Any other error
// is a storage failure. Statements are prepared once per batch.
class EventApplier final
{
    Q_DECLARE_TR_FUNCTIONS(EventApplier)

public:
    static inline const QString kUnknownMember = QStringLiteral("unknown_member");
    static inline const QString kCardTaken = QStringLiteral("card_taken");

    EventApplier(HqDatabase& database, QString now);
    Q_DISABLE_COPY_MOVE(EventApplier)

    static bool knowsType(const QString& type);
    // The payload's "ledger" entries, shape checked and keyed EVENT-ID/n; members are not looked up.
    static Result<QList<HqLedgerEntry>> parseLedger(const EventEnvelope& event);
    Result<Done> apply(const EventEnvelope& event);

private:
    Result<Done> memberEnrolled(const EventEnvelope& event);
    Result<Done> cardChanged(const EventEnvelope& event);
    Result<Done> saleCompleted(const EventEnvelope& event);
    Result<Done> saleReturned(const EventEnvelope& event);
    Result<Done> memberEvent(const EventEnvelope& event);
    Result<Done> memberAdjusted(const EventEnvelope& event);
    Result<Done> membersMerged(const EventEnvelope& event);
    Result<Done> memberErased(const EventEnvelope& event);
    Result<Done> consentRecorded(const EventEnvelope& event);

    Result<QList<HqLedgerEntry>> readLedger(const EventEnvelope& event);
    // Books the entries and records an overdraft for every account an entry redeemed from that ends
    // below zero.
    Result<Done> book(const EventEnvelope& event, const QList<HqLedgerEntry>& entries);
    Result<Done> requireMember(const QString& uuid);
    Result<Done> requireCardFree(const QString& number, const QString& memberUuid, std::optional<HqCard>& found);
    Result<Done> announceSale(const QString& saleUuid, const QString& originTill);
    static Error rejection(const QString& reason, const QString& message);
    static Error malformed(const QString& message);

    HqDatabase& m_database;
    QString m_now;
    QString m_tillId;
    HqRecordWriter m_writer;
    CouponArbiter m_coupons;
    HqAuditTrail m_audit;
    HqMemberErasure m_erasure;
    QSet<QString> m_knownMembers;  // members found in earlier events of the batch: most name the same few
    QSet<QString> m_eventMembers;  // found during the current event; kept only if it applies
    QSqlQuery m_insertSale;
    QSqlQuery m_refund;
    QSqlQuery m_selectSale;
    QSqlQuery m_overdraft;
    QSqlQuery m_insertConsent;
};

}  // namespace loyalty::hq
