#pragma once

#include <QString>

namespace loyalty {

// What an effect changes. The ledger account it books to follows from the kind.
enum class EffectKind
{
    PointsEarned,    // + points account
    PointsRedeemed,  // - points account, with a discount of the same value
    Discount,        // money off the basket (member price, tier, promotion, coupon, stamp reward)
    WalletEarned,    // + wallet (cashback)
    WalletSpent,     // - wallet, with a discount of the same value
    CreditEarned,    // + subscription credit
    CreditSpent,     // - subscription credit, with a discount of the same value
    StampsEarned,    // + stamps on one card
    StampsRedeemed,  // - stamps on one card (a completed card's reward)
    Membership,      // paid membership started or extended, amount in days
};

QString effectKindName(EffectKind kind);

}  // namespace loyalty
