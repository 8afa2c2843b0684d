#include "http/HqEndpoints.h"

#include "HeadOfficeApi.h"
#include "apply/EventPayloadTexts.h"
#include "http/ApiRequest.h"
#include "http/ApiResponse.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <optional>

namespace loyalty::hq {

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

// The body as a JSON object (parsed where the request was received), or nothing when it is not one.
std::optional<QJsonObject> objectBody(const ApiRequest& request)
{
    if (!request.document.isObject())
        return std::nullopt;
    return request.document.object();
}

}  // namespace

HqEndpoints::HqEndpoints(HeadOfficeApi& office, const Clock& clock)
    : m_office(office)
    , m_clock(clock)
    , m_authenticator(office, clock)
{
}

QHttpServerResponse HqEndpoints::refuse(const ApiError& error) const
{
    return ApiResponse::error(error, m_clock);
}

QHttpServerResponse HqEndpoints::storageFailure(const Error& error) const
{
    // The message says what failed for the log reader at the till; it never carries request data.
    ApiError unavailable = ApiResponse::unavailable();
    if (!error.message.isEmpty())
        unavailable.message = error.message;
    return refuse(unavailable);
}

QHttpServerResponse HqEndpoints::status(const ApiRequest&) const
{
    return ApiResponse::ok({{QStringLiteral("protocol"), sync::kProtocolVersion}}, m_clock);
}

QHttpServerResponse HqEndpoints::provision(const ApiRequest& request) const
{
    const auto body = objectBody(request);
    if (!body)
        return refuse(ApiResponse::malformed(tr("The body is not a JSON object.")));
    const QJsonValue code = body->value(QStringLiteral("code"));
    const QJsonValue tillName = body->value(QStringLiteral("till_name"));
    if (!code.isString() || code.toString().trimmed().isEmpty() || !(tillName.isString() || tillName.isUndefined()))
        return refuse(
            ApiResponse::malformed(tr("Provisioning needs a \"code\" and may name the till in \"till_name\".")));

    const auto till = m_office.provision(code.toString().trimmed(), tillName.toString().trimmed());
    if (!till) {
        const Error& error = till.error();
        if (error.code == Error::Code::Refused || error.reason == QLatin1StringView("bad_code"))
            return refuse(
                {StatusCode::Forbidden, QStringLiteral("bad_code"),
                 error.message.isEmpty() ? tr("The provisioning code is unknown, used or expired.") : error.message});
        if (error.code == Error::Code::InvalidInput)
            return refuse(ApiResponse::malformed(error.message));
        return storageFailure(error);
    }
    return ApiResponse::ok({{QStringLiteral("protocol"), sync::kProtocolVersion},
                            {QStringLiteral("till_id"), till->tillId},
                            {QStringLiteral("till_name"), till->tillName},
                            {QStringLiteral("secret"), QString::fromLatin1(till->secret.toBase64())},
                            {QStringLiteral("hq_public_key"), QString::fromLatin1(till->publicKey.toBase64())}},
                           m_clock);
}

QHttpServerResponse HqEndpoints::events(const ApiRequest& request) const
{
    const auto authentication = m_authenticator.authenticate(request);
    if (!authentication.ok())
        return refuse(*authentication.refusal);

    const auto body = objectBody(request);
    if (!body || !body->value(QStringLiteral("events")).isArray())
        return refuse(ApiResponse::malformed(tr("The body is not a JSON object with an \"events\" array.")));
    const QJsonArray events = body->value(QStringLiteral("events")).toArray();
    if (events.size() > sync::kMaxEventsPerBatch)
        return refuse(ApiResponse::malformed(
            tr("A batch holds at most %1 events; this one has %2.").arg(sync::kMaxEventsPerBatch).arg(events.size())));
    for (const QJsonValue& event : events) {
        // Without an object there is no id to answer for, so the batch as a whole is malformed.
        if (!event.isObject())
            return refuse(ApiResponse::malformed(tr("Every element of \"events\" must be a JSON object.")));
    }

    // The payloads' own bytes, so head office stores the till's text instead of serialising each again.
    QList<QByteArray> payloadTexts = EventPayloadTexts::cut(request.body);
    if (payloadTexts.size() != events.size())
        payloadTexts.clear();
    const auto results = m_office.push(authentication.tillId, events, payloadTexts);
    if (!results) {
        if (results.error().code == Error::Code::InvalidInput)
            return refuse(ApiResponse::malformed(results.error().message));
        return storageFailure(results.error());
    }
    return ApiResponse::ok({{QStringLiteral("results"), *results}}, m_clock);
}

QHttpServerResponse HqEndpoints::changes(const ApiRequest& request) const
{
    const auto authentication = m_authenticator.authenticate(request);
    if (!authentication.ok())
        return refuse(*authentication.refusal);

    const QUrlQuery& query = request.query;
    const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    int limit = sync::kDefaultChangesLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool isNumber = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&isNumber);
        if (!isNumber || limit < 1)
            return refuse(ApiResponse::malformed(tr("\"limit\" must be a positive whole number.")));
        limit = qMin(limit, sync::kMaxChangesLimit);
    }

    const auto page = m_office.changes(authentication.tillId, cursor, limit);
    if (!page) {
        if (page.error().code == Error::Code::InvalidInput)
            return refuse(ApiResponse::malformed(
                page.error().message.isEmpty() ? tr("The cursor is not one head office gave.") : page.error().message));
        return storageFailure(page.error());
    }
    return ApiResponse::ok({{QStringLiteral("changes"), page->changes},
                            {QStringLiteral("cursor"), page->cursor},
                            {QStringLiteral("more"), page->more},
                            {QStringLiteral("remaining"), page->remaining}},
                           m_clock);
}

}  // namespace loyalty::hq
