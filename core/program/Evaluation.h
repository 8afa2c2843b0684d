#pragma once

#include "money/Money.h"
#include "program/Effect.h"

#include <QStringList>

namespace loyalty {

// Everything the programme gives for one basket: what the cashier sees live, the receipt lists and
// the sale commits. `notices` say why something asked for was refused or lowered ("coupon expired").
struct Evaluation
{
    Money total;          // sum of line totals before discounts
    Money discount;       // money off, all effects together
    Money payable;        // total - discount, never negative
    Money eligibleSpend;  // paid spend on lines that earn (tier qualification, receipts)
    QList<Effect> effects;
    QStringList notices;
    QList<qint64> linePaidMinor;  // per basket line: line total minus its share of every discount

    qint64 sumOf(EffectKind kind) const
    {
        qint64 sum = 0;
        for (const Effect& effect : effects) {
            if (effect.kind == kind)
                sum += effect.amount;
        }
        return sum;
    }
    qint64 pointsEarned() const { return sumOf(EffectKind::PointsEarned); }
    qint64 pointsRedeemed() const { return sumOf(EffectKind::PointsRedeemed); }
};

}  // namespace loyalty
