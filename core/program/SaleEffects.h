#pragma once

#include "money/Money.h"
#include "program/Effect.h"

#include <QList>

namespace loyalty {

// Everything the programme gives for one basket: what the cashier sees live and the sale commits.
struct SaleEffects
{
    Money eligibleSpend;
    QList<Effect> effects;

    Points pointsEarned() const
    {
        Points sum = 0;
        for (const Effect& effect : effects)
            sum += effect.points;
        return sum;
    }
};

}  // namespace loyalty
