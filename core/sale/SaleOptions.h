#pragma once

#include "money/Points.h"

#include <QStringList>

namespace loyalty {

// What the customer asks for on top of the basket: points to redeem, coupons, rewards, wallet.
struct SaleOptions
{
    Points redeemPoints = 0;
    qint64 walletSpendMinor = 0;
    QStringList couponCodes;
    QStringList rewardIds;

    bool isEmpty() const
    {
        return redeemPoints == 0 && walletSpendMinor == 0 && couponCodes.isEmpty() && rewardIds.isEmpty();
    }
};

}  // namespace loyalty
