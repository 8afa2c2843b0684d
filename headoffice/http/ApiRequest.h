#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QUrlQuery>

class QHttpServerRequest;

namespace loyalty::hq {

// What an endpoint needs of one request, copied out of Qt HTTP Server's request in the thread that
// received it: the server reuses its request object for the connection's next request, so a worker
// thread must never hold the original.
struct ApiRequest
{
    QByteArray method;  // "GET", "POST", ...
    QByteArray target;  // path and query as the till signed them (RequestAuthenticator::targetOf)
    QUrlQuery query;
    QByteArray body;
    QByteArray tillHeader;
    QByteArray timestampHeader;
    QByteArray nonceHeader;
    QByteArray signatureHeader;
    // Worked out in the receiving thread too, so the single writer does not: the body's SHA-256
    // (hex, for the signature) and the body as JSON (null when it is not JSON).
    QByteArray bodyDigest;
    QJsonDocument document;

    static ApiRequest from(const QHttpServerRequest& request);
};

}  // namespace loyalty::hq
