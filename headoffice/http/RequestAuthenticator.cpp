#include "http/RequestAuthenticator.h"

#include "HeadOfficeApi.h"
#include "http/ApiRequest.h"
#include "sync/protocol/RequestSignature.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QHttpServerRequest>
#include <QUrl>
#include <QUuid>

namespace loyalty::hq {

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

constexpr int kSignatureBytes = 32;  // HMAC-SHA256

ApiError refusal(const QString& code, const QString& message)
{
    return {StatusCode::Unauthorized, code, message};
}

bool isDecimal(const QByteArray& text)
{
    // 19 digits always fit a qint64; a timestamp that long is far outside the window anyway.
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

bool isWellFormedTillId(const QByteArray& text)
{
    return text.size() == 36 && !QUuid::fromString(QLatin1StringView(text)).isNull();
}

bool isWellFormedSignature(const QByteArray& text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && decoded.decoded.size() == kSignatureBytes;
}

}  // namespace

RequestAuthenticator::RequestAuthenticator(HeadOfficeApi& office, const Clock& clock)
    : m_office(office)
    , m_clock(clock)
{
}

QByteArray RequestAuthenticator::targetOf(const QUrl& url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return target;
}

QByteArray RequestAuthenticator::methodName(const QHttpServerRequest& request)
{
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

RequestAuthenticator::Outcome RequestAuthenticator::authenticate(const ApiRequest& request) const
{
    return authenticate(request.method, request.target, request.body, request.tillHeader, request.timestampHeader,
                        request.nonceHeader, request.signatureHeader, request.bodyDigest);
}

RequestAuthenticator::Outcome RequestAuthenticator::authenticate(const QByteArray& method, const QByteArray& target,
                                                                 const QByteArray& body, const QByteArray& tillHeader,
                                                                 const QByteArray& timestampHeader,
                                                                 const QByteArray& nonceHeader,
                                                                 const QByteArray& signatureHeader,
                                                                 const QByteArray& bodyDigest) const
{
    if (!isWellFormedTillId(tillHeader) || !isDecimal(timestampHeader) ||
        !sync::RequestSignature::isWellFormedNonce(nonceHeader) || !isWellFormedSignature(signatureHeader)) {
        return {{},
                refusal(QStringLiteral("unauthenticated"),
                        tr("The request lacks well-formed X-Loyalty-Till, X-Loyalty-Timestamp, "
                           "X-Loyalty-Nonce and X-Loyalty-Signature headers."))};
    }
    const QString tillId = QString::fromLatin1(tillHeader);

    const auto secret = m_office.activeTillSecret(tillId);
    if (!secret) {
        if (secret.error().code == Error::Code::NotFound || secret.error().reason == QLatin1StringView("unknown_till"))
            return {{},
                    refusal(QStringLiteral("unknown_till"), tr("Head office knows no active till %1.").arg(tillId))};
        return {{}, ApiError{StatusCode::ServiceUnavailable, QStringLiteral("unavailable"), secret.error().message}};
    }

    sync::RequestSignature signature;
    signature.method = method;
    signature.target = target;
    signature.body = body;
    signature.timestamp = timestampHeader.toLongLong();
    signature.nonce = nonceHeader;
    signature.tillId = tillHeader;
    if (!signature.matches(*secret, signatureHeader, bodyDigest))
        return {{}, refusal(QStringLiteral("bad_signature"), tr("The request's signature does not match."))};

    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const qint64 skew = signature.timestamp > now ? signature.timestamp - now : now - signature.timestamp;
    if (skew > sync::kClockSkewSeconds) {
        return {
            {},
            refusal(QStringLiteral("clock_skew"), tr("The request's time is %1 s away from head office's.").arg(skew))};
    }

    const auto fresh = m_office.rememberNonce(tillId, nonceHeader, now);
    if (!fresh)
        return {{}, ApiError{StatusCode::ServiceUnavailable, QStringLiteral("unavailable"), fresh.error().message}};
    if (!*fresh)
        return {{}, refusal(QStringLiteral("replayed"), tr("This request was already received."))};
    return {tillId, std::nullopt};
}

}  // namespace loyalty::hq
