#include "apply/EventApplier.h"

#include "account/ExpiryRun.h"
#include "account/FeedbackBooking.h"
#include "account/ReturnService.h"
#include "apply/PayloadReader.h"
#include "corrections/Corrections.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "privacy/ConsentRecorder.h"
#include "privacy/Erasure.h"
#include "records/FlatJson.h"
#include "sale/SaleService.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "sync/protocol/SyncProtocol.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace loyalty::hq {

namespace {
// The event types are the till's own names for what it writes to its outbox.
const QString& kMemberEnrolled = Enrolment::kEnrolledEvent;
const QString& kCardAdded = CardLifecycle::kCardAddedEvent;
const QString& kCardBlocked = CardLifecycle::kCardBlockedEvent;
const QString& kCardReplaced = CardLifecycle::kCardReplacedEvent;
const QString& kSaleCompleted = SaleService::kSaleCompletedEvent;
const QString& kSaleReturned = ReturnService::kSaleReturnedEvent;
const QString& kPointsExpired = ExpiryRun::kPointsExpiredEvent;
const QString& kFeedbackAnswered = FeedbackBooking::kFeedbackAnsweredEvent;
const QString kMemberUuid = QStringLiteral("member_uuid");
const QString kCardNumber = QStringLiteral("card_number");
const QString& kMemberAdjusted = Corrections::kMemberAdjustedEvent;
const QString& kMembersMerged = Corrections::kMembersMergedEvent;
const QString& kCardUnblocked = Corrections::kCardUnblockedEvent;
const QString& kMemberErased = Erasure::kMemberErasedEvent;
const QString& kConsentRecorded = ConsentRecorder::kConsentRecordedEvent;
const QString kPoints = QStringLiteral("points");
const QString kWallet = QStringLiteral("wallet");

QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}
}  // namespace

EventApplier::EventApplier(HqDatabase& database, QString now)
    : m_database(database)
    , m_now(std::move(now))
    , m_writer(database)
    , m_coupons(database, m_writer.feed(), m_now)
    , m_audit(database)
    , m_erasure(database, m_writer)
    , m_insertSale(database.connection())
    , m_refund(database.connection())
    , m_selectSale(database.connection())
    , m_overdraft(database.connection())
    , m_insertConsent(database.connection())
{
    m_insertConsent.prepare(QStringLiteral("INSERT INTO consents (event_id, member_uuid, purpose, given, text_version,"
                                           " recorded_at, till_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                           " ON CONFLICT (event_id) DO NOTHING"));
    m_insertSale.prepare(QStringLiteral("INSERT INTO sales (uuid, member_uuid, till_id, completed_at, total_minor,"
                                        " eligible_minor, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                        " ON CONFLICT (uuid) DO NOTHING"));
    m_refund.prepare(QStringLiteral("UPDATE sales SET refunded_eligible_minor = refunded_eligible_minor + ?"
                                    " WHERE uuid = ?"));
    m_selectSale.prepare(QStringLiteral("SELECT member_uuid, till_id, completed_at, eligible_minor,"
                                        " refunded_eligible_minor FROM sales WHERE uuid = ?"));
    m_overdraft.prepare(
        QStringLiteral("INSERT INTO overdrafts (event_id, account, member_uuid, till_id, balance,"
                       " recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, account) DO NOTHING"));
}

bool EventApplier::knowsType(const QString& type)
{
    static const QSet<QString> types{kMemberEnrolled, kCardAdded,     kCardBlocked,   kCardReplaced,
                                     kSaleCompleted,  kSaleReturned,  kPointsExpired, kFeedbackAnswered,
                                     kMemberAdjusted, kMembersMerged, kCardUnblocked, kMemberErased,
                                     kConsentRecorded};
    return types.contains(type);
}

Error EventApplier::rejection(const QString& reason, const QString& message)
{
    return {Error::Code::Refused, message, reason};
}

Error EventApplier::malformed(const QString& message)
{
    return {Error::Code::Refused, tr("The event is malformed: %1").arg(message), PayloadReader::kMalformed};
}

Result<Done> EventApplier::apply(const EventEnvelope& event)
{
    m_tillId = event.tillId;
    m_eventMembers.clear();
    Result<Done> applied = Done{};
    if (event.type == kMemberEnrolled)
        applied = memberEnrolled(event);
    else if (event.type == kCardAdded || event.type == kCardBlocked || event.type == kCardReplaced ||
             event.type == kCardUnblocked)
        applied = cardChanged(event);
    else if (event.type == kSaleCompleted)
        applied = saleCompleted(event);
    else if (event.type == kSaleReturned)
        applied = saleReturned(event);
    else if (event.type == kMemberAdjusted)
        applied = memberAdjusted(event);
    else if (event.type == kMembersMerged)
        applied = membersMerged(event);
    else if (event.type == kMemberErased)
        applied = memberErased(event);
    else if (event.type == kConsentRecorded)
        applied = consentRecorded(event);
    else
        applied = memberEvent(event);
    if (applied)
        m_knownMembers.unite(m_eventMembers);
    return applied;
}

Result<Done> EventApplier::requireMember(const QString& uuid)
{
    if (m_knownMembers.contains(uuid) || m_eventMembers.contains(uuid))
        return Done{};
    const auto exists = m_writer.memberExists(uuid);
    if (!exists)
        return exists.error();
    if (!*exists)
        return rejection(kUnknownMember, tr("Head office knows no member %1.").arg(uuid.left(64)));
    m_eventMembers.insert(uuid);
    return Done{};
}

Result<Done> EventApplier::requireCardFree(const QString& number, const QString& memberUuid,
                                           std::optional<HqCard>& found)
{
    auto card = m_writer.card(number);
    if (!card)
        return card.error();
    found = *card;
    if (found && found->memberUuid != memberUuid) {
        return rejection(kCardTaken, tr("The card %1 belongs to another member at head office.").arg(number.left(64)));
    }
    return Done{};
}

Result<QList<HqLedgerEntry>> EventApplier::parseLedger(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QJsonArray ledger = payload.optionalArray(QStringLiteral("ledger"));
    if (!payload.ok())
        return payload.error();
    QList<HqLedgerEntry> entries;
    QSet<qint64> numbers;
    for (qsizetype i = 0; i < ledger.size(); ++i) {
        const QString path = u"payload.ledger[" + QString::number(i) + u']';
        if (!ledger[i].isObject())
            return PayloadReader::notAnObject(path);
        PayloadReader reader(ledger[i].toObject(), path);
        HqLedgerEntry entry;
        const qint64 n = reader.integer(QStringLiteral("n"));
        entry.memberUuid = reader.text(kMemberUuid);
        entry.account = reader.text(QStringLiteral("account"));
        entry.kind = reader.text(QStringLiteral("kind"));
        entry.points = reader.integer(QStringLiteral("points"));
        entry.reason = reader.optionalText(QStringLiteral("reason"));
        entry.explanation = reader.optionalText(QStringLiteral("explanation"));
        entry.expiresOn = reader.optionalDay(QStringLiteral("expires_on"));
        entry.createdAt = reader.optionalInstant(QStringLiteral("created_at"));
        if (!reader.ok())
            return reader.error();
        if (n < 1 || numbers.contains(n)) {
            return Error{Error::Code::Refused,
                         tr("The event is malformed: %1.n must number the entries from 1, each once.").arg(path),
                         PayloadReader::kMalformed};
        }
        numbers.insert(n);
        if (entry.createdAt.isEmpty())
            entry.createdAt = event.createdAt;
        entry.key = event.id + u'/' + QString::number(n);
        entry.tillId = event.tillId;
        entries.append(entry);
    }
    return entries;
}

Result<QList<HqLedgerEntry>> EventApplier::readLedger(const EventEnvelope& event)
{
    auto entries = parseLedger(event);
    if (!entries)
        return entries;
    for (const HqLedgerEntry& entry : *entries) {
        if (auto known = requireMember(entry.memberUuid); !known)
            return known.error();
    }
    return entries;
}

Result<Done> EventApplier::book(const EventEnvelope& event, const QList<HqLedgerEntry>& entries)
{
    QList<std::pair<QString, QString>> redeemed;  // (member, account) an entry of the event spent from
    for (const HqLedgerEntry& entry : entries) {
        if (auto added = m_writer.addLedgerEntry(entry, event.tillId); !added)
            return added.error();
        const std::pair<QString, QString> spent{entry.memberUuid, entry.account};
        if (entry.kind == QLatin1String("redeem") && entry.points < 0 && !redeemed.contains(spent))
            redeemed.append(spent);
    }
    for (const auto& [member, account] : redeemed) {
        const auto balance = m_writer.balance(member, account);
        if (!balance)
            return balance.error();
        if (*balance >= 0)
            continue;
        // Two offline tills spent the same points: the till's booking stands (the customer was
        // served), head office records the overdraft for the manager's report.
        m_overdraft.bindValue(0, event.id);
        m_overdraft.bindValue(1, account);
        m_overdraft.bindValue(2, member);
        m_overdraft.bindValue(3, event.tillId);
        m_overdraft.bindValue(4, *balance);
        m_overdraft.bindValue(5, m_now);
        if (!m_overdraft.exec())
            return HqStoreError::from(m_overdraft.lastError());
    }
    return Done{};
}

Result<Done> EventApplier::memberEnrolled(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    HqMember member;
    member.uuid = payload.text(kMemberUuid);
    // A till that erased the member before sending the enrolment sends it redacted: no name.
    const bool redactedAtTill = event.payload.value(QStringLiteral("redacted")).toBool();
    member.name = redactedAtTill ? payload.optionalText(QStringLiteral("name")) : payload.text(QStringLiteral("name"));
    if (member.name.isNull())
        member.name = QStringLiteral("");  // NOT NULL
    member.email = payload.optionalText(QStringLiteral("email"));
    member.phone = payload.optionalText(QStringLiteral("phone"));
    member.birthDate = payload.optionalDay(QStringLiteral("birth_date"));
    member.enrolledAt = payload.optionalInstant(QStringLiteral("enrolled_at"));
    member.referredByUuid = payload.optionalText(QStringLiteral("referred_by_member_uuid"));
    const QString cardNumber = payload.optionalText(kCardNumber);
    const QString cardKind = payload.optionalText(QStringLiteral("card_kind"));
    if (!payload.ok())
        return payload.error();
    if (member.enrolledAt.isEmpty())
        member.enrolledAt = event.createdAt;
    if (!member.referredByUuid.isEmpty() && member.referredByUuid != member.uuid) {
        if (auto known = requireMember(member.referredByUuid); !known)
            return known;
    }
    std::optional<HqCard> existing;
    if (!cardNumber.isEmpty()) {
        if (auto free = requireCardFree(cardNumber, member.uuid, existing); !free)
            return free;
    }
    // Enrolled twice (a retried enrolment under a new event id): the first record stands.
    const auto added = m_writer.addMember(member, event.tillId);
    if (!added)
        return added.error();
    m_eventMembers.insert(member.uuid);
    if (!*added) {
        // ...and if that record was erased meanwhile, this event's copy of the data goes too.
        const auto stored = m_writer.member(member.uuid);
        if (!stored)
            return stored.error();
        if (*stored && !(*stored)->erasedAt.isEmpty()) {
            if (auto redacted = m_erasure.redactStoredCopies(**stored); !redacted)
                return redacted;
        }
    }
    if (!cardNumber.isEmpty() && !existing) {
        HqCard card;
        card.number = cardNumber;
        card.memberUuid = member.uuid;
        if (!cardKind.isEmpty())
            card.kind = cardKind;
        card.issuedAt = member.enrolledAt;
        if (auto put = m_writer.putCard(card, event.tillId); !put)
            return put;
    }
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    return book(event, *entries);
}

Result<Done> EventApplier::cardChanged(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString memberUuid = payload.text(kMemberUuid);
    const QString number = payload.text(kCardNumber);
    const QString newNumber = event.type == kCardReplaced ? payload.text(QStringLiteral("new_card_number")) : QString();
    const QString kind = payload.optionalText(QStringLiteral("card_kind"));
    QString at = payload.optionalInstant(QStringLiteral("at"));
    if (!payload.ok())
        return payload.error();
    if (at.isEmpty())
        at = event.createdAt;
    if (auto known = requireMember(memberUuid); !known)
        return known;
    std::optional<HqCard> card;
    if (auto free = requireCardFree(number, memberUuid, card); !free)
        return free;
    HqCard changed =
        card.value_or(HqCard{number, memberUuid, QStringLiteral("active"), QStringLiteral("number"), QString(), at});
    if (!kind.isEmpty())
        changed.kind = kind;

    if (event.type == kCardAdded) {
        changed.state = QStringLiteral("active");
        changed.replacedBy.clear();
    } else if (event.type == kCardBlocked) {
        changed.state = QStringLiteral("blocked");
    } else if (event.type == kCardUnblocked) {
        changed.state = QStringLiteral("active");
    } else {
        std::optional<HqCard> replacement;
        if (auto free = requireCardFree(newNumber, memberUuid, replacement); !free)
            return free;
        changed.state = QStringLiteral("replaced");
        changed.replacedBy = newNumber;
        HqCard successor =
            replacement.value_or(HqCard{newNumber, memberUuid, QStringLiteral("active"), changed.kind, QString(), at});
        successor.state = QStringLiteral("active");
        if (auto put = m_writer.putCard(successor, event.tillId); !put)
            return put;
    }
    if (auto put = m_writer.putCard(changed, event.tillId); !put)
        return put;
    // A replacement made by a manager carries its audit entry too; an unblocking always does.
    if (auto audited = m_audit.record(event, event.type == kCardUnblocked); !audited)
        return audited;
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    return book(event, *entries);
}

Result<Done> EventApplier::saleCompleted(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString saleUuid = payload.text(QStringLiteral("sale_uuid"));
    const QString memberUuid = payload.optionalText(kMemberUuid);
    QString completedAt = payload.optionalInstant(QStringLiteral("completed_at"));
    const qint64 total = payload.integer(QStringLiteral("total_minor"));
    const qint64 eligible = payload.optionalInteger(QStringLiteral("eligible_minor"), 0);
    const qint64 programmeVersion = payload.optionalInteger(QStringLiteral("programme_version"), 0);
    const QJsonArray effects = payload.optionalArray(QStringLiteral("effects"));
    if (!payload.ok())
        return payload.error();
    if (completedAt.isEmpty())
        completedAt = event.createdAt;
    if (!memberUuid.isEmpty()) {
        if (auto known = requireMember(memberUuid); !known)
            return known;
    }
    QStringList codes;
    for (qsizetype i = 0; i < effects.size(); ++i) {
        const QString path = QStringLiteral("payload.effects[%1]").arg(i);
        if (!effects[i].isObject())
            return PayloadReader::notAnObject(path);
        PayloadReader effect(effects[i].toObject(), path);
        const QString code = effect.optionalText(QStringLiteral("code")).toUpper();
        if (!effect.ok())
            return effect.error();
        if (!code.isEmpty() && !codes.contains(code))
            codes.append(code);
    }
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();

    m_insertSale.bindValue(0, saleUuid);
    m_insertSale.bindValue(1, nullable(memberUuid));
    m_insertSale.bindValue(2, event.tillId);
    m_insertSale.bindValue(3, completedAt);
    m_insertSale.bindValue(4, total);
    m_insertSale.bindValue(5, eligible);
    m_insertSale.bindValue(6, event.id);
    if (!m_insertSale.exec())
        return HqStoreError::from(m_insertSale.lastError());
    const bool newSale = m_insertSale.numRowsAffected() == 1;
    if (auto booked = book(event, *entries); !booked)
        return booked;
    for (const QString& code : codes) {
        const auto singleUse = m_coupons.isSingleUse(code, programmeVersion);
        if (!singleUse)
            return singleUse.error();
        if (!*singleUse)
            continue;
        if (auto used = m_coupons.use({code, event.id, memberUuid, event.tillId, saleUuid, completedAt}, event.tillId);
            !used)
            return used;
    }
    if (!newSale || memberUuid.isEmpty())
        return Done{};
    const QString data = FlatJson()
                             .text(QLatin1StringView("uuid"), saleUuid)
                             .text(QLatin1StringView("member_uuid"), memberUuid)
                             .text(QLatin1StringView("till_id"), event.tillId)
                             .text(QLatin1StringView("completed_at"), completedAt)
                             .integer(QLatin1StringView("eligible_minor"), eligible)
                             .integer(QLatin1StringView("refunded_eligible_minor"), 0)
                             .toString();
    if (auto appended = m_writer.feed().appendText(sync::kSaleChange, data, event.tillId); !appended)
        return appended.error();
    return Done{};
}

Result<Done> EventApplier::saleReturned(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    payload.text(QStringLiteral("return_uuid"));
    const QString saleUuid = payload.text(QStringLiteral("sale_uuid"));
    const QString memberUuid = payload.optionalText(kMemberUuid);
    const qint64 refundedEligible = payload.optionalInteger(QStringLiteral("refund_eligible_minor"), 0);
    if (!payload.ok())
        return payload.error();
    if (!memberUuid.isEmpty()) {
        if (auto known = requireMember(memberUuid); !known)
            return known;
    }
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    if (auto booked = book(event, *entries); !booked)
        return booked;
    if (refundedEligible == 0)
        return Done{};
    m_refund.bindValue(0, refundedEligible);
    m_refund.bindValue(1, saleUuid);
    if (!m_refund.exec())
        return HqStoreError::from(m_refund.lastError());
    // A sale made before the till was provisioned is not at head office: the ledger is all there is.
    if (m_refund.numRowsAffected() == 0)
        return Done{};
    return announceSale(saleUuid, event.tillId);
}

Result<Done> EventApplier::memberEvent(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString memberUuid = payload.text(kMemberUuid);
    if (!payload.ok())
        return payload.error();
    if (auto known = requireMember(memberUuid); !known)
        return known;
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    return book(event, *entries);
}

Result<Done> EventApplier::memberAdjusted(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString memberUuid = payload.text(kMemberUuid);
    const QString account = payload.text(QStringLiteral("account"));
    const qint64 amount = payload.integer(QStringLiteral("amount"));
    payload.text(QStringLiteral("reason"));  // an adjustment without a reason is not one
    if (!payload.ok())
        return payload.error();
    if (account != kPoints && account != kWallet)
        return malformed(tr("payload.account: must be \"points\" or \"wallet\""));
    if (amount == 0)
        return malformed(tr("payload.amount: an adjustment of 0 changes nothing"));
    if (auto known = requireMember(memberUuid); !known)
        return known;
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    // What the till booked must be the adjustment it describes, or the balances drift apart unseen.
    qint64 booked = 0;
    for (const HqLedgerEntry& entry : *entries) {
        if (entry.memberUuid != memberUuid || entry.account != account || entry.kind != QLatin1String("adjustment"))
            return malformed(tr("payload.ledger: an adjustment books only \"adjustment\" entries on its own account"));
        booked += entry.points;
    }
    if (booked != amount)
        return malformed(tr("payload.ledger: the entries book %1, the adjustment is %2").arg(booked).arg(amount));
    if (auto audited = m_audit.record(event, true); !audited)
        return audited;
    return book(event, *entries);
}

Result<Done> EventApplier::membersMerged(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString targetUuid = payload.text(kMemberUuid);
    const QString sourceUuid = payload.text(QStringLiteral("source_uuid"));
    const QJsonArray moved = payload.optionalArray(QStringLiteral("moved_cards"));
    if (!payload.ok())
        return payload.error();
    if (sourceUuid == targetUuid)
        return malformed(tr("payload.source_uuid: a member cannot be merged into themselves"));
    QStringList movedCards;
    for (qsizetype i = 0; i < moved.size(); ++i) {
        if (!moved[i].isString() || moved[i].toString().isEmpty())
            return malformed(tr("payload.moved_cards[%1]: a card number is required").arg(i));
        movedCards.append(moved[i].toString());
    }
    if (auto known = requireMember(targetUuid); !known)
        return known;
    if (auto known = requireMember(sourceUuid); !known)
        return known;
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    // The balances move: merge_out on the source, merge_in on the target, nothing made or lost.
    QHash<QString, qint64> net;
    for (const HqLedgerEntry& entry : *entries) {
        const bool out = entry.kind == QLatin1String("merge_out") && entry.memberUuid == sourceUuid;
        const bool in = entry.kind == QLatin1String("merge_in") && entry.memberUuid == targetUuid;
        if (!out && !in)
            return malformed(
                tr("payload.ledger: a merge books only merge_out on the source and merge_in on the target"));
        net[entry.account] += entry.points;
    }
    for (auto it = net.cbegin(); it != net.cend(); ++it) {
        if (it.value() != 0)
            return malformed(tr("payload.ledger: the merge's %1 entries do not add up to 0").arg(it.key()));
    }
    for (const QString& number : movedCards) {
        const auto card = m_writer.card(number);
        if (!card)
            return card.error();
        if (*card && (*card)->memberUuid != sourceUuid && (*card)->memberUuid != targetUuid) {
            return rejection(kCardTaken,
                             tr("The card %1 belongs to another member at head office.").arg(number.left(64)));
        }
    }
    // Every card of the source moves, also those another till added that this till never saw: their
    // changes name no origin, so the merging till learns them too.
    const auto cards = m_writer.cardsOf(sourceUuid);
    if (!cards)
        return cards.error();
    for (HqCard card : *cards) {
        card.memberUuid = targetUuid;
        if (auto put = m_writer.putCard(card, movedCards.contains(card.number) ? event.tillId : QString()); !put)
            return put;
    }
    const auto stored = m_writer.member(sourceUuid);
    if (!stored)
        return stored.error();
    // Merged again from a second till that was offline: the first merge's target stands.
    if (*stored && (*stored)->mergedIntoUuid.isEmpty()) {
        HqMember source = **stored;
        source.mergedIntoUuid = targetUuid;
        if (auto updated = m_writer.updateMember(source, event.tillId); !updated)
            return updated;
    }
    if (auto audited = m_audit.record(event, true); !audited)
        return audited;
    return book(event, *entries);
}

Result<Done> EventApplier::memberErased(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString memberUuid = payload.text(kMemberUuid);
    const QString erasedAt = payload.optionalInstant(QStringLiteral("erased_at"));
    if (payload.ok() && erasedAt.isEmpty())
        payload.text(QStringLiteral("erased_at"));  // records the missing field
    if (!payload.ok())
        return payload.error();
    if (auto known = requireMember(memberUuid); !known)
        return known;
    const auto member = m_writer.member(memberUuid);
    if (!member)
        return member.error();
    if (auto erased = m_erasure.erase(member->value(), erasedAt, event.tillId); !erased)
        return erased;
    if (auto audited = m_audit.record(event, true); !audited)
        return audited;
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    return book(event, *entries);
}

Result<Done> EventApplier::consentRecorded(const EventEnvelope& event)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString memberUuid = payload.text(kMemberUuid);
    const QString purpose = payload.text(QStringLiteral("purpose"));
    const bool given = payload.boolean(QStringLiteral("given"));
    const QString textVersion = payload.text(QStringLiteral("text_version"));
    QString recordedAt = payload.optionalInstant(QStringLiteral("recorded_at"));
    if (!payload.ok())
        return payload.error();
    if (recordedAt.isEmpty())
        recordedAt = event.createdAt;
    if (auto known = requireMember(memberUuid); !known)
        return known;
    m_insertConsent.bindValue(0, event.id);
    m_insertConsent.bindValue(1, memberUuid);
    m_insertConsent.bindValue(2, purpose);
    m_insertConsent.bindValue(3, given ? 1 : 0);
    m_insertConsent.bindValue(4, textVersion);
    m_insertConsent.bindValue(5, recordedAt);
    m_insertConsent.bindValue(6, event.tillId);
    if (!m_insertConsent.exec())
        return HqStoreError::from(m_insertConsent.lastError());
    // Staff taking the customer's statement are audited; the customer's own device is not.
    if (auto audited = m_audit.record(event, false); !audited)
        return audited;
    const auto entries = readLedger(event);
    if (!entries)
        return entries.error();
    return book(event, *entries);
}

Result<Done> EventApplier::announceSale(const QString& saleUuid, const QString& originTill)
{
    m_selectSale.bindValue(0, saleUuid);
    if (!m_selectSale.exec())
        return HqStoreError::from(m_selectSale.lastError());
    if (!m_selectSale.next() || m_selectSale.value(0).isNull()) {
        m_selectSale.finish();
        return Done{};
    }
    const QJsonObject data{{QStringLiteral("uuid"), saleUuid},
                           {kMemberUuid, m_selectSale.value(0).toString()},
                           {QStringLiteral("till_id"), m_selectSale.value(1).toString()},
                           {QStringLiteral("completed_at"), m_selectSale.value(2).toString()},
                           {QStringLiteral("eligible_minor"), m_selectSale.value(3).toLongLong()},
                           {QStringLiteral("refunded_eligible_minor"), m_selectSale.value(4).toLongLong()}};
    m_selectSale.finish();
    if (auto appended = m_writer.feed().append(sync::kSaleChange, data, originTill); !appended)
        return appended.error();
    return Done{};
}

}  // namespace loyalty::hq
