#pragma once

#include "program/EffectKind.h"

#include <QList>
#include <QString>

namespace loyalty {

// One thing the programme gives (or takes) for a sale, with the rule that gave it and why, for the
// screen, the receipt and the ledger.
struct Effect
{
    QString ruleId;  // stable, stored in the ledger: "earn.base", "coupon.WELCOME10", "redeem.points"
    EffectKind kind = EffectKind::PointsEarned;
    // Signed change to the account, in its unit: points; minor units for wallet, credit and
    // discounts (a discount is positive: money off); stamps; days of membership. Redeemed/spent
    // kinds carry the amount taken from the account as a positive number, with `discountMinor`.
    qint64 amount = 0;
    qint64 discountMinor = 0;  // money off the basket this effect gives (Discount, *Redeemed, *Spent)
    QString account;           // "points", "wallet", "credit:<rule>", "stamps:<card>", "membership"
    QString explanation;       // translated reason: "+24 points (2× on fresh produce)"
    QString code;              // the coupon code, for coupons
    // Set when the effect books to another member than the sale's: the referrer's referral bonus.
    qint64 otherMemberId = 0;
    // How `amount` (or the discount) is spread over the basket lines, by line index; sums to the
    // amount. Empty for effects that belong to the sale as a whole (visit stamps, bonuses).
    QList<qint64> lineShares;
};

}  // namespace loyalty
