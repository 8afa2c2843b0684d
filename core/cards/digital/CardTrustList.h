#pragma once

#include "cards/digital/TrustedKey.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace loyalty {

class Clock;

// The head office keys a till trusts for digital cards (table card_trust_keys). Keys rotate by
// adding the next key and retiring the old one: cards issued before retirement stay valid.
class CardTrustList final
{
    Q_DECLARE_TR_FUNCTIONS(CardTrustList)

public:
    CardTrustList(const QSqlDatabase& db, const Clock& clock);

    // Conflict if the key id is already in the list (key ids are never reused).
    Result<Done> add(quint16 keyId, const QByteArray& publicKey, const QDateTime& validFrom);
    // Cards issued at or after `at` are no longer trusted under this key.
    Result<Done> retire(quint16 keyId, const QDateTime& at);
    // For a compromised key: every card it signed, whatever its issue date, becomes unknown.
    Result<Done> remove(quint16 keyId);

    Result<std::optional<TrustedKey>> find(quint16 keyId) const;
    Result<QList<TrustedKey>> all() const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

}  // namespace loyalty
