#pragma once

#include "http/ApiError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

class QHttpServerRequest;
class QUrl;

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HeadOfficeApi;
struct ApiRequest;

// Checks a signed request (docs/sync-protocol.md, "Till authentication") in the contract's order:
// shape of the headers, till known, signature, clock skew, nonce. The nonce is remembered only for a
// request whose signature is valid, so nobody can burn a till's nonces without its secret.
class RequestAuthenticator final
{
    Q_DECLARE_TR_FUNCTIONS(RequestAuthenticator)

public:
    struct Outcome
    {
        QString tillId;                   // set when the request is authentic
        std::optional<ApiError> refusal;  // 401 with the contract's code, or 503 when storage failed
        bool ok() const { return !refusal.has_value(); }
    };

    RequestAuthenticator(HeadOfficeApi& office, const Clock& clock);

    Outcome authenticate(const ApiRequest& request) const;
    // `bodyDigest`: the body's SHA-256 in hex if already known, else empty.
    Outcome authenticate(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                         const QByteArray& tillHeader, const QByteArray& timestampHeader, const QByteArray& nonceHeader,
                         const QByteArray& signatureHeader, const QByteArray& bodyDigest = {}) const;

    // The request target as the till signs it: the path and, if there is one, '?' and the query,
    // both fully percent-encoded the way QUrl sends them.
    static QByteArray targetOf(const QUrl& url);
    static QByteArray methodName(const QHttpServerRequest& request);

private:
    HeadOfficeApi& m_office;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
