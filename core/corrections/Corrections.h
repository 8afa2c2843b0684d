#pragma once

#include "audit/AuditEntry.h"
#include "common/Result.h"
#include "members/CardHolder.h"
#include "money/Points.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace loyalty {

class Clock;
class Database;
struct StaffSession;

// A manager's corrections of a member's accounts and cards (issue 6, item 3): points and wallet
// adjustments, merging two accounts of one person, unblocking and replacing a card.
//
// Every operation is refused in core for anyone but a signed-in manager (ManagerGuard re-checks the
// staff row and shift in the database) before anything else is looked at, needs a reason (not blank,
// at most kMaxReasonLength characters), and is ONE transaction: the ledger entries, the audit entry
// (AuditLog, the member named by MemberPseudonym, balances before and after) and the outbox event
// whose payload carries the audit entry under "audit". A refusal writes nothing.
class Corrections final
{
    Q_DECLARE_TR_FUNCTIONS(Corrections)

public:
    static constexpr int kMaxReasonLength = 200;

    // Outbox event types (COMMON.md contract; card.replaced is CardLifecycle's). Audit actions are AuditLog's.
    static inline const QString kMemberAdjustedEvent = QStringLiteral("member.adjusted");
    static inline const QString kMembersMergedEvent = QStringLiteral("members.merged");
    static inline const QString kCardUnblockedEvent = QStringLiteral("card.unblocked");
    // Ledger kinds of the entries corrections book.
    static inline const QString kAdjustmentKind = QStringLiteral("adjustment");
    static inline const QString kMergeOutKind = QStringLiteral("merge_out");
    static inline const QString kMergeInKind = QStringLiteral("merge_in");

    struct Adjusted
    {
        qint64 before = 0;  // the account's balance (points or minor units) before and after
        qint64 after = 0;
        QString expiresOn;  // a positive points adjustment: the day its lot is gone ("" never)
        AuditEntry audit;
        qint64 outboxSequence = 0;
    };

    struct Merged
    {
        QStringList movedCards;  // every card of the source, now the target's
        Points pointsMoved = 0;
        AuditEntry audit;
        qint64 outboxSequence = 0;
    };

    struct CardChanged
    {
        CardHolder holder;  // the card (the new one after a replacement) and its member
        AuditEntry audit;
    };

    Corrections(Database& database, const Clock& clock, const TillSettings& settings);

    // delta != 0. A positive adjustment is a points lot that expires as points earned today would
    // under the active programme; a negative one may not take the balance below zero and, like a
    // redemption, uses up the lots that expire first.
    Result<Adjusted> adjustPoints(const StaffSession& by, qint64 memberId, Points delta, const QString& reason);
    // The wallet in minor units of the till's currency; never below zero.
    Result<Adjusted> adjustWallet(const StaffSession& by, qint64 memberId, qint64 deltaMinor, const QString& reason);
    // Two accounts of the same person: the source's balances (each points lot with its expiry),
    // and cards go to the target; the source keeps its consents and history and points to the
    // target (members.merged_into). Refused for the same member, erased or already merged members.
    Result<Merged> merge(const StaffSession& by, qint64 sourceMemberId, qint64 targetMemberId, const QString& reason);
    // A blocked card becomes active again (refused for an active or replaced card).
    Result<CardChanged> unblockCard(const StaffSession& by, const QString& cardNumber, const QString& reason);
    // CardLifecycle::replace, audited: the old card is "replaced", the new one the member's.
    Result<CardChanged> replaceCard(const StaffSession& by, const QString& oldCardNumber, const QString& newCardNumber,
                                    const QString& reason);

private:
    struct MemberRow
    {
        qint64 id = 0;
        QString uuid;
        bool erased = false;
        qint64 mergedInto = 0;
    };

    Result<QString> checkedReason(const StaffSession& by, const QString& reason) const;
    Result<MemberRow> member(qint64 memberId) const;
    Result<Done> requireOpenAccount(const MemberRow& member) const;
    Result<Adjusted> adjust(const StaffSession& by, qint64 memberId, const QString& account, qint64 delta,
                            const QString& reason);
    Result<AuditEntry> audit(const StaffSession& by, const QString& action, const QString& memberUuid,
                             const QString& reason, const QJsonObject& before, const QJsonObject& after,
                             const QString& now) const;
    Result<qint64> record(const QString& eventType, const QJsonObject& payload, const QString& now) const;
    // Every account of the member with a balance other than zero, points first.
    Result<QJsonObject> balances(qint64 memberId) const;

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
};

}  // namespace loyalty
