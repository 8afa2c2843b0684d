#pragma once

#include "money/Points.h"

namespace loyalty {

// Turning points into a discount: `pointsPerStep` points are worth `valueMinorPerStep`; only whole
// steps are redeemed; at least `minimumPoints`; at most `maxSharePercent` of the discountable amount
// left after other discounts. Partial redemption: a request above what is allowed is lowered.
struct RedemptionPolicy
{
    Points pointsPerStep = 100;
    qint64 valueMinorPerStep = 100;
    Points minimumPoints = 0;
    int maxSharePercent = 100;
    bool earnOnRedeemed = false;   // whether spend paid with points (or rewards) still earns
    Points offlineDailyLimit = 0;  // 0 = no limit; for sync issue's offline policy
};

}  // namespace loyalty
