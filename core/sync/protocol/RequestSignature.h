#pragma once

#include <QByteArray>
#include <QString>

namespace loyalty::sync {

// The parts of a signed request (docs/sync-protocol.md, "Till authentication") and the HMAC-SHA256
// over them. The till signs with it; head office recomputes and compares in constant time.
struct RequestSignature
{
    QByteArray method;  // "POST"
    QByteArray target;  // path and query exactly as sent: "/v1/changes?cursor=AAAA&limit=1000"
    QByteArray body;
    qint64 timestamp = 0;  // seconds since the epoch, UTC
    QByteArray nonce;      // 32 lower-case hex characters
    QByteArray tillId;

    QByteArray canonical() const;
    // base64 of HMAC-SHA256(secret, canonical()).
    QByteArray sign(const QByteArray& secret) const;
    // Constant-time comparison of `signature` (base64) with sign(secret).
    bool matches(const QByteArray& secret, const QByteArray& signature) const;

    static QByteArray newNonce();
    static bool isWellFormedNonce(const QByteArray& nonce);
};

}  // namespace loyalty::sync
