#include "apply/EventBuffer.h"

#include "account/ExpiryRun.h"
#include "account/FeedbackBooking.h"
#include "apply/EventApplier.h"
#include "apply/PayloadReader.h"
#include "records/FlatJson.h"
#include "records/HqChangeData.h"
#include "sale/SaleService.h"
#include "store/HqDatabase.h"
#include "sync/protocol/SyncProtocol.h"

#include <QJsonDocument>

namespace loyalty::hq {

namespace {
const QString& kSaleCompleted = SaleService::kSaleCompletedEvent;
const QString& kPointsExpired = ExpiryRun::kPointsExpiredEvent;
const QString& kFeedbackAnswered = FeedbackBooking::kFeedbackAnsweredEvent;
const QString kMemberUuid = QStringLiteral("member_uuid");

QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant notNull(const QString& text)
{
    return text.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(text);
}
}  // namespace

EventBuffer::EventBuffer(HqDatabase& database, QString now)
    : m_now(std::move(now))
    , m_events(database, QStringLiteral("events"),
               {QStringLiteral("id"), QStringLiteral("till_id"), QStringLiteral("sequence"), QStringLiteral("type"),
                QStringLiteral("created_at"), QStringLiteral("received_at"), QStringLiteral("payload")})
    , m_sales(database, QStringLiteral("sales"),
              {QStringLiteral("uuid"), QStringLiteral("member_uuid"), QStringLiteral("till_id"),
               QStringLiteral("completed_at"), QStringLiteral("total_minor"), QStringLiteral("eligible_minor"),
               QStringLiteral("event_id")})
    , m_ledger(database, QStringLiteral("ledger"),
               {QStringLiteral("key"), QStringLiteral("member_uuid"), QStringLiteral("account"), QStringLiteral("kind"),
                QStringLiteral("points"), QStringLiteral("reason"), QStringLiteral("explanation"),
                QStringLiteral("expires_on"), QStringLiteral("created_at"), QStringLiteral("till_id")})
    , m_changes(database, QStringLiteral("changes"),
                {QStringLiteral("kind"), QStringLiteral("origin_till"), QStringLiteral("data")})
{
}

bool EventBuffer::stage(const EventEnvelope& event, const QSet<QString>& members, QSet<QString>& sales)
{
    const auto ledger = EventApplier::parseLedger(event);
    if (!ledger)
        return false;
    for (const HqLedgerEntry& entry : *ledger) {
        // A redemption may overdraw the account: that needs the balance, so the per-event way.
        if (!members.contains(entry.memberUuid) || (entry.kind == QLatin1String("redeem") && entry.points < 0))
            return false;
    }
    if (event.type == kSaleCompleted)
        return stageSale(event, *ledger, members, sales);
    if (event.type != kPointsExpired && event.type != kFeedbackAnswered)
        return false;
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString member = payload.text(kMemberUuid);
    if (!payload.ok() || !members.contains(member))
        return false;
    addEvent(event);
    addLedger(*ledger, event.tillId);
    return true;
}

bool EventBuffer::stageSale(const EventEnvelope& event, const QList<HqLedgerEntry>& ledger,
                            const QSet<QString>& members, QSet<QString>& sales)
{
    PayloadReader payload(event.payload, QStringLiteral("payload"));
    const QString saleUuid = payload.text(QStringLiteral("sale_uuid"));
    const QString memberUuid = payload.optionalText(kMemberUuid);
    QString completedAt = payload.optionalInstant(QStringLiteral("completed_at"));
    const qint64 total = payload.integer(QStringLiteral("total_minor"));
    const qint64 eligible = payload.optionalInteger(QStringLiteral("eligible_minor"), 0);
    payload.optionalInteger(QStringLiteral("programme_version"), 0);
    const QJsonArray effects = payload.optionalArray(QStringLiteral("effects"));
    if (!payload.ok() || sales.contains(saleUuid) || (!memberUuid.isEmpty() && !members.contains(memberUuid)))
        return false;
    for (const QJsonValue& effect : effects) {
        // Coupons are arbitrated against other tills' uses: the per-event way.
        const QJsonValue code = effect.toObject().value(QStringLiteral("code"));
        if (!effect.isObject() ||
            !(code.isUndefined() || code.isNull() || (code.isString() && code.toString().isEmpty())))
            return false;
    }
    if (completedAt.isEmpty())
        completedAt = event.createdAt;
    addEvent(event);
    m_sales.add({saleUuid, nullable(memberUuid), event.tillId, completedAt, total, eligible, event.id});
    sales.insert(saleUuid);
    addLedger(ledger, event.tillId);
    if (!memberUuid.isEmpty()) {
        m_changes.add({sync::kSaleChange, event.tillId,
                       FlatJson()
                           .text(QLatin1StringView("uuid"), saleUuid)
                           .text(QLatin1StringView("member_uuid"), memberUuid)
                           .text(QLatin1StringView("till_id"), event.tillId)
                           .text(QLatin1StringView("completed_at"), completedAt)
                           .integer(QLatin1StringView("eligible_minor"), eligible)
                           .integer(QLatin1StringView("refunded_eligible_minor"), 0)
                           .toString()});
    }
    return true;
}

void EventBuffer::addEvent(const EventEnvelope& event)
{
    // The payload stays UTF-8 from the request to the database (HqBulkInsert binds it as text): the
    // till's own text when the request gave it, else serialised from what was parsed.
    m_events.add({event.id, event.tillId, event.sequence, event.type, event.createdAt, m_now,
                  event.payloadText.isEmpty() ? QJsonDocument(event.payload).toJson(QJsonDocument::Compact)
                                              : event.payloadText});
}

void EventBuffer::addLedger(const QList<HqLedgerEntry>& ledger, const QString& originTill)
{
    for (const HqLedgerEntry& entry : ledger) {
        m_ledger.add({entry.key, entry.memberUuid, entry.account, entry.kind, entry.points, notNull(entry.reason),
                      notNull(entry.explanation), nullable(entry.expiresOn), entry.createdAt, nullable(entry.tillId)});
        m_changes.add({sync::kLedgerChange, originTill, HqChangeData::ledger(entry)});
    }
}

Result<Done> EventBuffer::flush()
{
    for (HqBulkInsert* bulk : {&m_events, &m_sales, &m_ledger, &m_changes}) {
        if (auto flushed = bulk->flush(); !flushed)
            return flushed;
    }
    return Done{};
}

}  // namespace loyalty::hq
