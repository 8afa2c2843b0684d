#include "corrections/Corrections.h"

#include "account/PointsHistory.h"
#include "account/PointsLots.h"
#include "account/StoredTime.h"
#include "audit/AuditLog.h"
#include "audit/MemberPseudonym.h"
#include "ledger/LedgerRepository.h"
#include "members/CardLifecycle.h"
#include "members/MemberRepository.h"
#include "money/MoneyFormatter.h"
#include "outbox/OutboxRepository.h"
#include "sale/ActiveProgramme.h"
#include "staff/ManagerGuard.h"
#include "staff/StaffSession.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

namespace {

const QString kPoints = QStringLiteral("points");
const QString kWallet = QStringLiteral("wallet");
// The ledger's reason column names the cause; the manager's own words go into the explanation.
const QString kAdjustmentReason = QStringLiteral("correction.adjustment");
const QString kMergeReason = QStringLiteral("correction.merge");

QString masked(const QString& cardNumber)
{
    return QStringLiteral("•••• ") + cardNumber.right(4);
}

}  // namespace

Corrections::Corrections(Database& database, const Clock& clock, const TillSettings& settings)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
{
}

Result<QString> Corrections::checkedReason(const StaffSession& by, const QString& reason) const
{
    // The role first: a cashier learns nothing about members or cards from the other refusals.
    if (auto manager = ManagerGuard(m_database.connection()).requireManager(by); !manager)
        return manager.error();
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty()) {
        return Error{Error::Code::InvalidInput, tr("Give a reason for the correction; it goes into the audit log."),
                     QStringLiteral("reason_required")};
    }
    if (trimmed.size() > kMaxReasonLength) {
        return Error{Error::Code::InvalidInput,
                     tr("The reason is %1 characters long; keep it to %2.").arg(trimmed.size()).arg(kMaxReasonLength),
                     QStringLiteral("reason_too_long")};
    }
    return trimmed;
}

Result<Corrections::MemberRow> Corrections::member(qint64 memberId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, uuid, erased_at IS NOT NULL, coalesce(merged_into, 0)"
                                 " FROM members WHERE id = ?"));
    query.bindValue(0, memberId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (!query.next()) {
        return Error{Error::Code::NotFound, tr("There is no member %1 on this till.").arg(memberId),
                     QStringLiteral("unknown_member")};
    }
    return MemberRow{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool(),
                     query.value(3).toLongLong()};
}

Result<Done> Corrections::requireOpenAccount(const MemberRow& member) const
{
    if (member.erased) {
        return Error{Error::Code::Refused,
                     tr("Member %1 was erased on request; their accounts cannot be changed.").arg(member.id),
                     QStringLiteral("member_erased")};
    }
    if (member.mergedInto != 0) {
        return Error{
            Error::Code::Refused,
            tr("Member %1 was merged into member %2; correct member %2 instead.").arg(member.id).arg(member.mergedInto),
            QStringLiteral("member_merged")};
    }
    return Done{};
}

Result<AuditEntry> Corrections::audit(const StaffSession& by, const QString& action, const QString& memberUuid,
                                      const QString& reason, const QJsonObject& before, const QJsonObject& after,
                                      const QString& now) const
{
    const QSqlDatabase db = m_database.connection();
    const auto ref = MemberPseudonym(db).of(memberUuid);
    if (!ref)
        return ref.error();
    return AuditLog(db).append(by, action, *ref, reason, before, after, now);
}

Result<qint64> Corrections::record(const QString& eventType, const QJsonObject& payload, const QString& now) const
{
    const auto event =
        OutboxRepository(m_database.connection()).append(m_settings.tillId, eventType, payload, std::nullopt, now);
    if (!event)
        return event.error();
    return event->sequence;
}

Result<QJsonObject> Corrections::balances(qint64 memberId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT account, sum(points) FROM ledger_entries WHERE member_id = ?"
                                 " GROUP BY account HAVING sum(points) <> 0 ORDER BY account <> 'points', account"));
    query.bindValue(0, memberId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QJsonObject balances{{kPoints, 0}};
    while (query.next())
        balances.insert(query.value(0).toString(), query.value(1).toLongLong());
    return balances;
}

Result<Corrections::Adjusted> Corrections::adjustPoints(const StaffSession& by, qint64 memberId, Points delta,
                                                        const QString& reason)
{
    return adjust(by, memberId, kPoints, delta, reason);
}

Result<Corrections::Adjusted> Corrections::adjustWallet(const StaffSession& by, qint64 memberId, qint64 deltaMinor,
                                                        const QString& reason)
{
    return adjust(by, memberId, kWallet, deltaMinor, reason);
}

Result<Corrections::Adjusted> Corrections::adjust(const StaffSession& by, qint64 memberId, const QString& account,
                                                  qint64 delta, const QString& reason)
{
    const auto why = checkedReason(by, reason);
    if (!why)
        return why.error();
    const bool points = account == kPoints;
    if (delta == 0) {
        return Error{Error::Code::InvalidInput,
                     points ? tr("Enter the points to add or take away; zero changes nothing.")
                            : tr("Enter the amount to add to or take from the wallet; zero changes nothing."),
                     QStringLiteral("zero_adjustment")};
    }
    // The lot's expiry follows the programme that is active now, as points earned today would.
    const Programme programme = points ? ActiveProgramme::load(m_database, m_settings) : Programme{};

    const QSqlDatabase db = m_database.connection();
    const QDateTime at = m_clock.now();
    const QString now = StoredTime::instant(at);
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Read under the write lock: two corrections at once cannot both pass the balance check.
    const auto row = member(memberId);
    if (!row)
        return row.error();
    if (auto open = requireOpenAccount(*row); !open)
        return open.error();
    LedgerRepository ledger(db);
    const auto before = ledger.balance(memberId, account);
    if (!before)
        return before.error();
    if (*before + delta < 0) {
        if (points) {
            return Error{Error::Code::Refused,
                         tr("Member %1 has %Ln point(s); taking %2 would leave a negative balance.", nullptr,
                            static_cast<int>(*before))
                             .arg(QString::number(memberId), QLocale().toString(-delta)),
                         QStringLiteral("insufficient_balance")};
        }
        const MoneyFormatter money;
        return Error{Error::Code::Refused,
                     tr("Member %1 has %2 in the wallet; taking %3 would leave it negative.")
                         .arg(memberId)
                         .arg(money.format(Money(*before, m_settings.currency)),
                              money.format(Money(-delta, m_settings.currency))),
                     QStringLiteral("insufficient_balance")};
    }

    Adjusted adjusted;
    LedgerEntry entry;
    entry.memberId = memberId;
    entry.kind = kAdjustmentKind;
    entry.account = account;
    entry.points = delta;
    entry.reason = kAdjustmentReason;
    entry.createdAt = now;
    entry.explanation = tr("Correction by %1: %2").arg(by.name, *why);
    if (points && delta > 0) {
        const QDate expires = programme.expiry.expiresOn(StoredTime::localDay(at));
        entry.expiresOn = StoredTime::day(expires);
        adjusted.expiresOn = entry.expiresOn;
    }
    if (auto appended = ledger.append(entry); !appended)
        return appended.error();
    adjusted.before = *before;
    adjusted.after = *before + delta;

    const QString balanceKey = points ? QStringLiteral("points") : QStringLiteral("wallet_minor");
    QJsonObject after{{balanceKey, adjusted.after}, {QStringLiteral("amount"), delta}};
    if (!adjusted.expiresOn.isEmpty())
        after.insert(QStringLiteral("expires_on"), adjusted.expiresOn);
    const auto entryAudit = audit(by, points ? AuditLog::kPointsAdjusted : AuditLog::kWalletAdjusted, row->uuid, *why,
                                  QJsonObject{{balanceKey, adjusted.before}}, after, now);
    if (!entryAudit)
        return entryAudit.error();
    adjusted.audit = *entryAudit;

    const QJsonObject payload{{QStringLiteral("member_uuid"), row->uuid},
                              {QStringLiteral("account"), account},
                              {QStringLiteral("amount"), delta},
                              {QStringLiteral("reason"), *why},
                              {QStringLiteral("audit"), adjusted.audit.toJson()}};
    const auto sequence = record(kMemberAdjustedEvent, payload, now);
    if (!sequence)
        return sequence.error();
    adjusted.outboxSequence = *sequence;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return adjusted;
}

Result<Corrections::Merged> Corrections::merge(const StaffSession& by, qint64 sourceMemberId, qint64 targetMemberId,
                                               const QString& reason)
{
    const auto why = checkedReason(by, reason);
    if (!why)
        return why.error();
    if (sourceMemberId == targetMemberId) {
        return Error{Error::Code::InvalidInput, tr("A member cannot be merged into themselves."),
                     QStringLiteral("same_member")};
    }
    const QSqlDatabase db = m_database.connection();
    const QString now = m_clock.nowIso();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const auto source = member(sourceMemberId);
    if (!source)
        return source.error();
    const auto target = member(targetMemberId);
    if (!target)
        return target.error();
    for (const MemberRow* row : {&*source, &*target}) {
        if (auto open = requireOpenAccount(*row); !open)
            return open.error();
    }
    const auto sourceBefore = balances(sourceMemberId);
    if (!sourceBefore)
        return sourceBefore.error();
    const auto targetBefore = balances(targetMemberId);
    if (!targetBefore)
        return targetBefore.error();

    LedgerRepository ledger(db);
    const auto book = [&](qint64 memberId, const QString& kind, const QString& account, qint64 amount,
                          const QString& expiresOn, const QString& explanation) -> Result<Done> {
        LedgerEntry entry;
        entry.memberId = memberId;
        entry.kind = kind;
        entry.account = account;
        entry.points = amount;
        entry.reason = kMergeReason;
        entry.createdAt = now;
        entry.expiresOn = expiresOn;
        entry.explanation = explanation;
        if (auto appended = ledger.append(entry); !appended)
            return appended.error();
        return Done{};
    };
    const QString outText = tr("Moved to member %1 (accounts merged)").arg(targetMemberId);
    const QString inText = tr("Moved from member %1 (accounts merged)").arg(sourceMemberId);
    const auto move = [&](const QString& account, qint64 amount, const QString& expiresOn) -> Result<Done> {
        if (auto out = book(sourceMemberId, kMergeOutKind, account, -amount, expiresOn, outText); !out)
            return out;
        return book(targetMemberId, kMergeInKind, account, amount, expiresOn, inText);
    };

    // Points lot by lot, each keeping the day it is gone, so the target loses them when the source
    // would have. A deficit (a return after the points were spent) moves as a negative amount.
    PointsHistory history(db);
    const auto movements = history.movements(sourceMemberId);
    if (!movements)
        return movements.error();
    const PointsLots lots = PointsLots::replay(*movements);
    Merged merged;
    for (const PointsLot& lot : lots.lots()) {
        if (auto moved = move(kPoints, lot.remaining, StoredTime::day(lot.expiresOn)); !moved)
            return moved.error();
    }
    if (lots.deficit() > 0) {
        if (auto moved = move(kPoints, -lots.deficit(), QString()); !moved)
            return moved.error();
    }
    merged.pointsMoved = lots.balance();
    // Every other account (wallet, stamps:<card>, credit:<rule>, membership) as its balance.
    for (auto it = sourceBefore->constBegin(); it != sourceBefore->constEnd(); ++it) {
        const qint64 amount = it.value().toInteger();
        if (it.key() == kPoints || amount == 0)
            continue;
        if (auto moved = move(it.key(), amount, QString()); !moved)
            return moved.error();
    }
    const auto targetAfter = balances(targetMemberId);
    if (!targetAfter)
        return targetAfter.error();
    for (auto it = targetAfter->constBegin(); it != targetAfter->constEnd(); ++it) {
        if (it.value().toInteger() < 0) {
            return Error{Error::Code::Refused,
                         tr("Merging would leave member %1 with a negative %2 balance; nothing was changed.")
                             .arg(targetMemberId)
                             .arg(it.key()),
                         QStringLiteral("negative_balance")};
        }
    }

    // The cards, whatever their state, so a lost card of the source is refused as it was before
    // and a scan of an active one finds the target.
    QSqlQuery cards(db);
    cards.prepare(QStringLiteral("SELECT number FROM cards WHERE member_id = ? ORDER BY issued_at, number"));
    cards.bindValue(0, sourceMemberId);
    if (!cards.exec())
        return StoreError::from(cards.lastError());
    while (cards.next())
        merged.movedCards << cards.value(0).toString();
    cards.finish();
    QSqlQuery moveCards(db);
    moveCards.prepare(QStringLiteral("UPDATE cards SET member_id = ? WHERE member_id = ?"));
    moveCards.bindValue(0, targetMemberId);
    moveCards.bindValue(1, sourceMemberId);
    if (!moveCards.exec())
        return StoreError::from(moveCards.lastError());
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE members SET merged_into = ? WHERE id = ? AND merged_into IS NULL"));
    mark.bindValue(0, targetMemberId);
    mark.bindValue(1, sourceMemberId);
    if (!mark.exec())
        return StoreError::from(mark.lastError());
    if (mark.numRowsAffected() != 1) {
        return Error{Error::Code::Conflict,
                     tr("Member %1 was changed meanwhile; nothing was merged.").arg(sourceMemberId),
                     QStringLiteral("member_merged")};
    }

    const auto sourceRef = MemberPseudonym(db).of(source->uuid);
    if (!sourceRef)
        return sourceRef.error();
    QJsonArray maskedCards;
    for (const QString& number : std::as_const(merged.movedCards))
        maskedCards.append(masked(number));
    const QJsonObject before{{QStringLiteral("source_ref"), *sourceRef},
                             {QStringLiteral("source"), *sourceBefore},
                             {QStringLiteral("target"), *targetBefore}};
    const QJsonObject after{{QStringLiteral("source_ref"), *sourceRef},
                            {QStringLiteral("source"), QJsonObject{{kPoints, 0}}},
                            {QStringLiteral("target"), *targetAfter},
                            {QStringLiteral("moved_cards"), maskedCards}};
    const auto entryAudit = audit(by, AuditLog::kMembersMerged, target->uuid, *why, before, after, now);
    if (!entryAudit)
        return entryAudit.error();
    merged.audit = *entryAudit;

    const QJsonObject payload{{QStringLiteral("member_uuid"), target->uuid},
                              {QStringLiteral("source_uuid"), source->uuid},
                              {QStringLiteral("moved_cards"), QJsonArray::fromStringList(merged.movedCards)},
                              {QStringLiteral("reason"), *why},
                              {QStringLiteral("audit"), merged.audit.toJson()}};
    const auto sequence = record(kMembersMergedEvent, payload, now);
    if (!sequence)
        return sequence.error();
    merged.outboxSequence = *sequence;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return merged;
}

Result<Corrections::CardChanged> Corrections::unblockCard(const StaffSession& by, const QString& cardNumber,
                                                          const QString& reason)
{
    const auto why = checkedReason(by, reason);
    if (!why)
        return why.error();
    const QSqlDatabase db = m_database.connection();
    const QString now = m_clock.nowIso();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    MemberRepository members(db);
    const auto found = members.findByCard(cardNumber);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        return Error{Error::Code::NotFound, tr("There is no card %1 on this till.").arg(masked(cardNumber)),
                     QStringLiteral("unknown_card")};
    }
    CardHolder holder = **found;
    if (holder.cardState != CardState::Blocked) {
        return Error{Error::Code::Conflict,
                     holder.cardState == CardState::Active
                         ? tr("Card %1 is not blocked.").arg(masked(cardNumber))
                         : tr("Card %1 was replaced; it cannot be used again.").arg(masked(cardNumber)),
                     QStringLiteral("card_not_blocked")};
    }
    const auto row = member(holder.member.id);
    if (!row)
        return row.error();
    if (auto open = requireOpenAccount(*row); !open)
        return open.error();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE cards SET state = 'active' WHERE number = ? AND state = 'blocked'"));
    update.bindValue(0, cardNumber);
    if (!update.exec())
        return StoreError::from(update.lastError());

    CardChanged changed;
    const auto entryAudit = audit(
        by, AuditLog::kCardUnblocked, row->uuid, *why,
        QJsonObject{{QStringLiteral("card"), masked(cardNumber)}, {QStringLiteral("state"), QStringLiteral("blocked")}},
        QJsonObject{{QStringLiteral("card"), masked(cardNumber)}, {QStringLiteral("state"), QStringLiteral("active")}},
        now);
    if (!entryAudit)
        return entryAudit.error();
    changed.audit = *entryAudit;
    const QJsonObject payload{{QStringLiteral("member_uuid"), row->uuid},
                              {QStringLiteral("card_number"), cardNumber},
                              {QStringLiteral("reason"), *why},
                              {QStringLiteral("audit"), changed.audit.toJson()}};
    if (auto sequence = record(kCardUnblockedEvent, payload, now); !sequence)
        return sequence.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    holder.cardState = CardState::Active;
    changed.holder = holder;
    return changed;
}

Result<Corrections::CardChanged> Corrections::replaceCard(const StaffSession& by, const QString& oldCardNumber,
                                                          const QString& newCardNumber, const QString& reason)
{
    const auto why = checkedReason(by, reason);
    if (!why)
        return why.error();
    CardChanged changed;
    // CardLifecycle keeps the rules of a replacement (the new number's checks, the old card's
    // state, the card.replaced event); the audit entry is written inside its transaction.
    const auto within = [&](const CardHolder& old, const QString& memberUuid,
                            const QString& now) -> Result<QJsonObject> {
        const auto row = member(old.member.id);
        if (!row)
            return row.error();
        if (auto open = requireOpenAccount(*row); !open)
            return open.error();
        const auto entryAudit = audit(by, AuditLog::kCardReplaced, memberUuid, *why,
                                      QJsonObject{{QStringLiteral("card"), masked(oldCardNumber)},
                                                  {QStringLiteral("state"), toStorage(old.cardState)}},
                                      QJsonObject{{QStringLiteral("card"), masked(oldCardNumber)},
                                                  {QStringLiteral("state"), QStringLiteral("replaced")},
                                                  {QStringLiteral("new_card"), masked(newCardNumber)}},
                                      now);
        if (!entryAudit)
            return entryAudit.error();
        changed.audit = *entryAudit;
        return QJsonObject{{QStringLiteral("reason"), *why}, {QStringLiteral("audit"), changed.audit.toJson()}};
    };
    const auto replaced = CardLifecycle(m_database, m_clock, m_settings).replace(oldCardNumber, newCardNumber, within);
    if (!replaced)
        return replaced.error();
    changed.holder = *replaced;
    return changed;
}

}  // namespace loyalty
