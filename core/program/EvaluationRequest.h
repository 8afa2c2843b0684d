#pragma once

#include "program/MemberStanding.h"

#include <QDateTime>
#include <QSet>
#include <QStringList>

#include <optional>

namespace loyalty {

class Basket;

// Everything one evaluation looks at: the basket, the member (if any), the moment and what the
// cashier asked for. The same request always gives the same effects.
struct EvaluationRequest
{
    const Basket* basket = nullptr;
    std::optional<MemberStanding> member;
    QDateTime at;                   // the till's local time of the sale
    QString saleUuid;               // seeds surprise rewards, so re-evaluation gives the same result
    int saleOfDay = 1;              // this sale's number among the till's sales of the day (1-based)
    Points redeemPoints = 0;        // points the customer wants to redeem (lowered to what is allowed)
    qint64 walletSpendMinor = 0;    // wallet amount the customer wants to spend
    QStringList couponCodes;        // as typed or scanned
    QStringList rewardIds;          // reward catalogue entries to redeem
    QSet<QString> usedCouponCodes;  // single-use / member codes already used (upper-case)
};

}  // namespace loyalty
