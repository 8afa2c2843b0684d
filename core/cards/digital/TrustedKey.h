#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace loyalty {

// One head office signing key in the till's trust list and the issue dates it vouches for.
struct TrustedKey
{
    quint16 keyId = 0;
    QByteArray publicKey;  // raw Ed25519, 32 bytes
    QDateTime validFrom;
    std::optional<QDateTime> validUntil;  // set when the key is retired
    QDateTime addedAt;

    // A card is trusted when it was issued in [validFrom, validUntil).
    bool trustsCardIssuedAt(const QDateTime& issued) const
    {
        return issued >= validFrom && (!validUntil || issued < *validUntil);
    }
};

}  // namespace loyalty
