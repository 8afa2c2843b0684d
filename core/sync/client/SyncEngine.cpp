#include "sync/client/SyncEngine.h"

#include "settings/SettingsRepository.h"
#include "sync/SyncSettingKeys.h"
#include "sync/apply/ChangeApplier.h"
#include "sync/client/SyncClient.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <memory>

namespace loyalty::sync {

namespace {
const QString kTooLarge = QStringLiteral("too_large");
}

SyncEngine::SyncEngine(const QSqlDatabase& db, const Clock& clock, SyncClient& client, PageApplier applier)
    : SyncEngine(db, clock, client, std::move(applier), Options{})
{
}

SyncEngine::SyncEngine(const QSqlDatabase& db, const Clock& clock, SyncClient& client, PageApplier applier,
                       Options options)
    : m_db(db)
    , m_clock(clock)
    , m_client(client)
    , m_applier(std::move(applier))
    , m_options(options)
    , m_queue(db)
{
    m_options.pushBatch = std::clamp(m_options.pushBatch, 1, kMaxEventsPerBatch);
    m_options.pullLimit = std::clamp(m_options.pullLimit, 1, kMaxChangesLimit);
}

SyncEngine::PageApplier SyncEngine::changeApplier(const QSqlDatabase& db, const Clock& clock)
{
    auto applier = std::make_shared<ChangeApplier>(db, clock);
    return [applier](const QJsonArray& changes, const QString& nextCursor, ChangeApplier::Commit commit) {
        return applier->apply(changes, nextCursor, commit);
    };
}

Result<SyncRoundReport> SyncEngine::runRound(const Progress& progress)
{
    SyncRoundReport report;
    const auto pushed = pushAll(report);
    if (!pushed)
        return pushed.error();
    if (*pushed == Step::Stop)
        return report;
    const auto pulled = pull(report, progress);
    if (!pulled)
        return pulled.error();
    if (*pulled == Step::Stop)
        return report;
    if (auto finished = finishRound(report); !finished)
        return finished.error();
    return report;
}

Result<SyncRoundReport> SyncEngine::pullAll(const Progress& progress)
{
    SyncRoundReport report;
    const auto pulled = pull(report, progress);
    if (!pulled)
        return pulled.error();
    if (*pulled == Step::Stop)
        return report;
    if (auto finished = finishRound(report); !finished)
        return finished.error();
    return report;
}

Result<Done> SyncEngine::finishRound(SyncRoundReport& report)
{
    // The snapshot is complete once a pull reached the end of the feed; the last success is a round
    // (or a provisioning) that got there.
    SettingsRepository settings(m_db);
    if (auto stored = settings.setValue(kProvisionedKey, QStringLiteral("1")); !stored)
        return stored;
    if (auto stored = settings.setValue(kLastSuccessKey, m_clock.nowIso()); !stored)
        return stored;
    report.complete = true;
    return Done{};
}

void SyncEngine::stopOn(const SyncReply& reply, SyncRoundReport& report)
{
    report.failure = reply.outcome;
    report.error = reply.error;
    report.message = reply.message;
    report.retryAfterMs = reply.retryAfterMs;
    // A refusal is an answer: head office is there, it does not want this till.
    if (reply.httpStatus != 0 && reply.outcome != SyncReply::Outcome::Unavailable)
        report.reached = true;
}

Result<SyncReply> SyncEngine::withClockCorrection(const std::function<SyncReply()>& send)
{
    SyncReply reply = send();
    if (reply.outcome == SyncReply::Outcome::Refused && reply.error == QLatin1String("replayed")) {
        // Every request carries a fresh nonce, so "replayed" means our own request arrived twice:
        // Qt's HTTP stack resends a request (headers and all) when the connection drops before any
        // byte of the answer. The first copy may have been applied; asking again with a new nonce is
        // safe (head office answers "duplicate") and tells which it was.
        reply = send();
    }
    if (reply.outcome != SyncReply::Outcome::ClockSkew)
        return reply;
    if (!reply.serverTime.isValid()) {
        reply.outcome = SyncReply::Outcome::Refused;
        return reply;
    }
    const qint64 offset = m_client.offsetTo(reply.serverTime);
    m_client.setClockOffset(offset);
    if (auto stored = SettingsRepository(m_db).setValue(kClockOffsetKey, QString::number(offset)); !stored)
        return stored.error();
    reply = send();
    // Still skewed right after correcting: something else is wrong; treat it like any refusal.
    if (reply.outcome == SyncReply::Outcome::ClockSkew)
        reply.outcome = SyncReply::Outcome::Refused;
    return reply;
}

namespace {

// A JSON string literal, as QJsonDocument would write it (the fields are plain text: uuid, names, times).
void appendJsonString(QByteArray& out, const QString& text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

// The stored payload is the compact JSON the outbox wrote (QJsonDocument of an object). Anything else
// is re-encoded the old way, which turns unreadable text into {} for head office to reject.
bool looksLikeStoredObject(const QByteArray& payload)
{
    return payload.size() >= 2 && payload.front() == '{' && payload.back() == '}';
}

}  // namespace

QByteArray SyncEngine::envelope(const QList<OutboxEvent>& events)
{
    // Written directly rather than through QJsonDocument: parsing every stored payload only to serialise it
    // again was most of the till's cost of a push. Same fields, same (sorted) key order as QJsonObject.
    qint64 size = 16;
    for (const OutboxEvent& event : events)
        size += event.payload.size() + event.uuid.size() + event.tillId.size() + event.type.size() +
                event.createdAt.size() + 96;
    QByteArray body;
    body.reserve(size);
    body += "{\"events\":[";
    bool first = true;
    for (const OutboxEvent& event : events) {
        if (!first)
            body += ',';
        first = false;
        body += "{\"created_at\":";
        appendJsonString(body, event.createdAt);
        body += ",\"id\":";
        appendJsonString(body, event.uuid);
        body += ",\"payload\":";
        if (looksLikeStoredObject(event.payload))
            body += event.payload;
        else
            body += QJsonDocument(QJsonDocument::fromJson(event.payload).object()).toJson(QJsonDocument::Compact);
        body += ",\"sequence\":";
        body += QByteArray::number(event.sequence);
        body += ",\"till_id\":";
        appendJsonString(body, event.tillId);
        body += ",\"type\":";
        appendJsonString(body, event.type);
        body += '}';
    }
    body += "]}";
    return body;
}

Result<SyncEngine::Step> SyncEngine::pushAll(SyncRoundReport& report)
{
    for (;;) {
        const auto events = m_queue.pending(m_options.pushBatch, m_options.maxBatchBytes);
        if (!events)
            return events.error();
        if (events->isEmpty())
            return Step::Continue;
        const qint64 settledBefore = report.accepted + report.duplicates + report.rejected;
        const auto step = pushBatch(*events, report);
        if (!step || *step == Step::Stop)
            return step;
        const qint64 settled = report.accepted + report.duplicates + report.rejected;
        if (m_pushProgress && settled != settledBefore)
            m_pushProgress(settled);
        if (settled == settledBefore) {
            // Head office answered without settling a single event: offering the same batch again
            // would loop for ever. Stop the round; the events wait with their last error.
            report.failure = SyncReply::Outcome::Unavailable;
            report.error = QStringLiteral("bad_response");
            report.message = tr("Head office answered without a result for the events sent.");
            return Step::Stop;
        }
    }
}

Result<SyncEngine::Step> SyncEngine::pushBatch(const QList<OutboxEvent>& events, SyncRoundReport& report)
{
    const QString now = m_clock.nowIso();
    const QByteArray body = envelope(events);
    if (events.size() == 1 && body.size() > kMaxBodyBytes) {
        // Head office would answer 413: this event can never be sent, so it goes to the dead letter now.
        ++report.rejected;
        if (auto recorded =
                m_queue.record({{events.first().uuid, OutboxQueue::Delivery::Outcome::Rejected, kTooLarge,
                                 tr("The event is larger than head office accepts (%1 bytes).").arg(body.size())}},
                               now);
            !recorded)
            return recorded.error();
        return Step::Continue;
    }
    const auto reply = withClockCorrection([this, &body] { return m_client.pushEvents(body); });
    if (!reply)
        return reply.error();

    QList<OutboxQueue::Delivery> deliveries;
    switch (reply->outcome) {
    case SyncReply::Outcome::Ok: {
        report.reached = true;
        QHash<QString, QJsonObject> results;
        for (const QJsonValue& value : reply->body.value(QLatin1String("results")).toArray()) {
            const QJsonObject result = value.toObject();
            results.insert(result.value(QLatin1String("id")).toString(), result);
        }
        for (const OutboxEvent& event : events) {
            const auto found = results.constFind(event.uuid);
            if (found == results.cend()) {
                deliveries.append({event.uuid,
                                   OutboxQueue::Delivery::Outcome::Failed,
                                   {},
                                   tr("Head office sent no result for this event.")});
                continue;
            }
            const QString status = found->value(QLatin1String("status")).toString();
            if (status == kAccepted || status == kDuplicate) {
                ++report.pushed;
                ++(status == kAccepted ? report.accepted : report.duplicates);
                deliveries.append({event.uuid, OutboxQueue::Delivery::Outcome::Acknowledged, {}, {}});
            } else if (status == kRejected) {
                ++report.pushed;
                ++report.rejected;
                const QString reason = found->value(QLatin1String("reason")).toString();
                deliveries.append({event.uuid, OutboxQueue::Delivery::Outcome::Rejected,
                                   reason.isEmpty() ? QStringLiteral("rejected") : reason,
                                   found->value(QLatin1String("message")).toString()});
            } else {
                deliveries.append({event.uuid,
                                   OutboxQueue::Delivery::Outcome::Failed,
                                   {},
                                   tr("Head office answered the unknown status \"%1\".").arg(status)});
            }
        }
        if (auto recorded = m_queue.record(deliveries, now); !recorded)
            return recorded.error();
        return Step::Continue;
    }
    case SyncReply::Outcome::TooLarge:
    case SyncReply::Outcome::Malformed:
        report.reached = true;
        if (events.size() == 1) {
            // Refused on its own: this event can never succeed. Dead-letter it and carry on.
            ++report.rejected;
            const QString reason = reply->outcome == SyncReply::Outcome::TooLarge
                                       ? kTooLarge
                                       : (reply->error.isEmpty() ? QStringLiteral("malformed") : reply->error);
            if (auto recorded = m_queue.record(
                    {{events.first().uuid, OutboxQueue::Delivery::Outcome::Rejected, reason, reply->describe()}}, now);
                !recorded)
                return recorded.error();
            return Step::Continue;
        }
        if (reply->outcome == SyncReply::Outcome::TooLarge) {
            // Halve the batch until it fits.
            const qsizetype half = events.size() / 2;
            for (const QList<OutboxEvent>& part : {events.mid(0, half), events.mid(half)}) {
                const auto step = pushBatch(part, report);
                if (!step || *step == Step::Stop)
                    return step;
            }
            return Step::Continue;
        }
        // One bad event must not hold back the others: send them one at a time to find it.
        for (const OutboxEvent& event : events) {
            const auto step = pushBatch({event}, report);
            if (!step || *step == Step::Stop)
                return step;
        }
        return Step::Continue;
    case SyncReply::Outcome::ClockSkew:
    case SyncReply::Outcome::Refused:
    case SyncReply::Outcome::BadCode:
    case SyncReply::Outcome::Unavailable:
    case SyncReply::Outcome::Insecure:
        break;
    }
    for (const OutboxEvent& event : events)
        deliveries.append({event.uuid, OutboxQueue::Delivery::Outcome::Failed, {}, reply->describe()});
    if (auto recorded = m_queue.record(deliveries, now); !recorded)
        return recorded.error();
    stopOn(*reply, report);
    return Step::Stop;
}

Result<SyncEngine::Step> SyncEngine::pull(SyncRoundReport& report, const Progress& progress)
{
    const auto stored = SettingsRepository(m_db).value(kCursorKey);
    if (!stored)
        return stored.error();
    QString cursor = stored->value_or(QString());
    qint64 waiting = 0;  // changes applied with Commit::Later and not committed yet
    const auto step = pullPages(report, progress, cursor, waiting);
    if (waiting > 0 && step) {
        // The round stops (head office, the network or a refused page): keep what was applied.
        // An empty page stores the cursor it was given (the last applied) and commits.
        if (auto flushed = m_applier(QJsonArray(), cursor, ChangeApplier::Commit::Now); !flushed)
            return flushed.error();
    }
    return step;
}

Result<SyncEngine::Step> SyncEngine::pullPages(SyncRoundReport& report, const Progress& progress, QString& cursor,
                                               qint64& waiting)
{
    for (;;) {
        const auto reply =
            withClockCorrection([this, &cursor] { return m_client.changes(cursor, m_options.pullLimit); });
        if (!reply)
            return reply.error();
        if (!reply->ok()) {
            stopOn(*reply, report);
            return Step::Stop;
        }
        report.reached = true;
        const QJsonValue nextCursor = reply->body.value(QLatin1String("cursor"));
        const QJsonValue changes = reply->body.value(QLatin1String("changes"));
        if (!nextCursor.isString() || !changes.isArray()) {
            report.failure = SyncReply::Outcome::Unavailable;
            report.error = QStringLiteral("bad_response");
            report.message = tr("Head office's page of changes has no cursor or no changes.");
            return Step::Stop;
        }
        const QJsonArray page = changes.toArray();
        const bool more = reply->body.value(QLatin1String("more")).toBool();
        // The last page, and the page that fills a batch, commit (with the pages before them).
        const bool later = more && waiting + page.size() < m_options.changesPerCommit;
        const auto applied =
            m_applier(page, nextCursor.toString(), later ? ChangeApplier::Commit::Later : ChangeApplier::Commit::Now);
        if (!applied) {
            const Error::Code code = applied.error().code;
            if (code == Error::Code::Storage || code == Error::Code::DiskFull || code == Error::Code::Corrupt) {
                waiting = 0;
                return applied.error();
            }
            // The till cannot apply this page (a change it cannot read): nothing of it was stored
            // and the cursor stays, so the round stops here and says why.
            waiting = 0;  // rolled back with it; the cursor is the last committed
            report.failure = SyncReply::Outcome::Malformed;
            report.error = applied.error().reason.isEmpty() ? QStringLiteral("page_refused") : applied.error().reason;
            report.message = applied.error().message;
            return Step::Stop;
        }
        waiting = later ? waiting + page.size() : 0;
        report.pulled += page.size();
        report.remaining = reply->body.value(QLatin1String("remaining")).toInteger();
        if (progress)
            progress(report.pulled, report.remaining);
        if (!more)
            return Step::Continue;
        if (page.isEmpty() && nextCursor.toString() == cursor) {
            report.failure = SyncReply::Outcome::Unavailable;
            report.error = QStringLiteral("bad_response");
            report.message = tr("Head office promised more changes but its cursor did not move.");
            return Step::Stop;
        }
        cursor = nextCursor.toString();
    }
}

}  // namespace loyalty::sync
