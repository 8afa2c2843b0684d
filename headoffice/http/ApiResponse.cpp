#include "http/ApiResponse.h"

#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

namespace loyalty::hq {

using StatusCode = QHttpServerResponse::StatusCode;

QString ApiResponse::serverTime(const Clock& clock)
{
    return clock.now().toUTC().toString(Qt::ISODate);
}

QHttpServerResponse ApiResponse::ok(QJsonObject body, const Clock& clock)
{
    body.insert(QStringLiteral("server_time"), serverTime(clock));
    QHttpServerResponse response(body, StatusCode::Ok);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

QHttpServerResponse ApiResponse::error(const ApiError& error, const Clock& clock)
{
    const QJsonObject body{{QStringLiteral("error"), error.code},
                           {QStringLiteral("message"), error.message},
                           {QStringLiteral("server_time"), serverTime(clock)}};
    QHttpServerResponse response(body, error.status);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

ApiError ApiResponse::malformed(const QString& message)
{
    return {StatusCode::BadRequest, QStringLiteral("malformed"), message};
}

ApiError ApiResponse::notFound()
{
    return {StatusCode::NotFound, QStringLiteral("not_found"), tr("Head office has no such endpoint.")};
}

ApiError ApiResponse::methodNotAllowed()
{
    return {StatusCode::MethodNotAllowed, QStringLiteral("method_not_allowed"),
            tr("This endpoint does not answer that method.")};
}

ApiError ApiResponse::tooLarge()
{
    return {StatusCode::PayloadTooLarge, QStringLiteral("too_large"),
            tr("The request body is larger than %1 bytes.").arg(sync::kMaxBodyBytes)};
}

ApiError ApiResponse::unavailable()
{
    return {StatusCode::ServiceUnavailable, QStringLiteral("unavailable"),
            tr("Head office's storage is not available; try again later.")};
}

}  // namespace loyalty::hq
