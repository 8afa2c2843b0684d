#pragma once

#include "demo/DemoMember.h"
#include "demo/DemoProduct.h"
#include "demo/DemoRandom.h"

#include <QDateTime>

#include <vector>

namespace loyalty {

// The one deterministic sequence behind the demo data of the till (DemoDataGenerator) and of head
// office (loyalty-hq demo): the same seed and clock give the same members, cards, opening balances
// and products in both. Member n carries the card 2000 + n (8 digits) + check digit, e.g. member
// 12345 has 2000000123455; every 1000th member also has a blocked old card.
class DemoShop final
{
public:
    static constexpr quint32 kDefaultSeed = 20261122;
    static constexpr int kProductCount = 300;
    static constexpr int kBlockedCardEvery = 1000;
    static inline const QString kOpeningKind = QStringLiteral("opening");
    static inline const QString kOpeningReason = QStringLiteral("demo.opening_balance");

    DemoShop(quint32 seed, const QDateTime& now);

    // Members 1, 2, 3 … in order; call exactly once per member.
    DemoMember nextMember();
    std::vector<DemoProduct> products() const;

    static QString cardNumberFor(qint64 memberNumber);
    static QString blockedCardNumberFor(qint64 memberNumber);
    static QString productEanFor(int productIndex);
    // The ledger key head office gives a member's opening balance (and the till its origin_key).
    static QString openingKeyFor(const QString& memberUuid);

private:
    quint32 m_seed;
    QDateTime m_now;
    DemoRandom m_random;
    qint64 m_next = 1;
};

}  // namespace loyalty
