#pragma once

#include "program/model/LineScope.h"

namespace loyalty {

// A stamp card: stamps per qualifying item (or one per visit), a reward after `stampsNeeded`.
// Stamps beyond a completed card carry over to the next card.
struct StampCardDefinition
{
    enum class RewardKind
    {
        FreeItem,       // the cheapest qualifying item of the basket (in `rewardScope`) is free
        FixedDiscount,  // `amountMinor` off the discountable lines
        FreeAddon       // the product `ean` is added for free
    };

    QString id;
    QString name;
    LineScope scope;
    bool perVisit = false;  // one stamp per sale with a qualifying line instead of per item
    int stampsNeeded = 10;
    RewardKind rewardKind = RewardKind::FreeItem;
    LineScope rewardScope;  // FreeItem: empty means the stamp card's own scope
    qint64 amountMinor = 0;
    QString ean;
};

}  // namespace loyalty
