#include "program/EarnRule.h"

#include "money/MoneyFormatter.h"
#include "sale/Basket.h"

namespace loyalty {

EarnRule::EarnRule(qint64 unitMinor, Points pointsPerUnit)
    : m_unitMinor(unitMinor > 0 ? unitMinor : 100)
    , m_pointsPerUnit(pointsPerUnit)
{
}

SaleEffects EarnRule::evaluate(const Basket& basket) const
{
    SaleEffects result{Money::zero(basket.currency()), {}};
    for (const BasketLine& line : basket.lines()) {
        if (line.product.earnsPoints)
            result.eligibleSpend += line.total();
    }
    // Whole units only, rounded toward zero: a sale never earns for a part of a unit.
    const Points points =
        result.eligibleSpend.isNegative() ? 0 : result.eligibleSpend.wholeUnits(m_unitMinor) * m_pointsPerUnit;
    if (points > 0) {
        const QString unit = MoneyFormatter().format(Money(m_unitMinor, basket.currency()));
        result.effects.append(
            {kRuleId, points, tr("%Ln point(s) per full %1 spent", nullptr, int(m_pointsPerUnit)).arg(unit)});
    }
    return result;
}

}  // namespace loyalty
