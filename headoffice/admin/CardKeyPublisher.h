#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDate>

#include <optional>

namespace loyalty::hq {

class HqDatabase;

// The head office keys tills trust for digital cards (table card_keys), each published to every
// till as a "card_key" change (docs/sync-protocol.md). A key vouches for the cards issued in
// [valid_from, valid_until); the days given are taken as 00:00 UTC, the instant form the till's
// trust list (card_trust_keys) compares issue times with. Key ids are never reused: adding an id
// again with other content is refused, adding the same content again changes nothing.
class CardKeyPublisher final
{
    Q_DECLARE_TR_FUNCTIONS(CardKeyPublisher)

public:
    static constexpr int kMaxKeyId = 65535;  // the uint16 key id of a digital card token

    struct CardKey
    {
        int keyId = 0;
        QString publicKey;   // base64 of the raw 32-byte Ed25519 public key
        QString validFrom;   // RFC 3339 UTC with milliseconds
        QString validUntil;  // the same; empty while the key is not retired
    };

    struct Outcome
    {
        CardKey key;
        bool changed = false;  // false: exactly this was published already, nothing was written
    };

    explicit CardKeyPublisher(HqDatabase& database);

    // Each in its own write transaction: the row and its change, or nothing.
    Result<Outcome> add(int keyId, const QString& publicKeyBase64, const QDate& validFrom,
                        const std::optional<QDate>& validUntil);
    // Cards issued at or after `validUntil` (00:00 UTC) are no longer trusted under this key.
    Result<Outcome> retire(int keyId, const QDate& validUntil);

    // 00:00 UTC of `day`, as the change carries it.
    static QString startOfDay(const QDate& day);

private:
    Result<std::optional<CardKey>> find(int keyId);
    Result<Done> announce(const CardKey& key);
    static Error invalid(const QString& message, const QString& reason);

    HqDatabase& m_database;
};

}  // namespace loyalty::hq
