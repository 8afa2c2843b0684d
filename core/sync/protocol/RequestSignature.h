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

    // `bodyDigest`: the body's SHA-256 in lower-case hex when already known (head office hashes it
    // in its HTTP thread, off the writer); empty: hashed from `body`.
    QByteArray canonical(const QByteArray& bodyDigest = {}) const;
    // base64 of HMAC-SHA256(secret, canonical()).
    QByteArray sign(const QByteArray& secret, const QByteArray& bodyDigest = {}) const;
    // Constant-time comparison of `signature` (base64) with sign(secret).
    bool matches(const QByteArray& secret, const QByteArray& signature, const QByteArray& bodyDigest = {}) const;

    static QByteArray newNonce();
    static bool isWellFormedNonce(const QByteArray& nonce);
};

}  // namespace loyalty::sync
