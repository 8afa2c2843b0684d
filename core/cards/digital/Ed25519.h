#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace loyalty {

// A raw Ed25519 key pair (RFC 8032): 32-byte secret seed and 32-byte public key.
struct Ed25519KeyPair
{
    QByteArray secretKey;
    QByteArray publicKey;
};

// A small wrapper around OpenSSL's Ed25519 (EVP_PKEY_ED25519) for raw 32-byte keys and 64-byte
// signatures, so no OpenSSL type leaks out of core/cards/digital.
class Ed25519 final
{
    Q_DECLARE_TR_FUNCTIONS(Ed25519)

public:
    static constexpr int kKeySize = 32;
    static constexpr int kSignatureSize = 64;

    static Result<Ed25519KeyPair> generate();
    static Result<QByteArray> publicKeyFor(const QByteArray& secretKey);
    static Result<QByteArray> sign(const QByteArray& secretKey, const QByteArray& message);
    // False for a wrong signature and for keys or signatures of the wrong size alike.
    static bool verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature);
};

}  // namespace loyalty
