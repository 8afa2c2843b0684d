#include "program/BasketLines.h"

#include "program/Spread.h"

#include <algorithm>

namespace loyalty {

BasketLines::BasketLines(const Basket& basket)
    : m_basket(basket)
{
    for (const BasketLine& line : basket.lines()) {
        m_lines.append(&line);
        m_gross.append(line.total().minorUnits());
        m_remaining.append(line.total().minorUnits());
        m_loyaltyPaid.append(0);
        m_freeUnits.append(0);
        m_keys.append(line.product.ean);
    }
}

qint64 BasketLines::remainingIn(const LineScope& scope, bool discountableOnly) const
{
    qint64 sum = 0;
    for (qsizetype i = 0; i < size(); ++i) {
        if (inScope(i, scope) && (!discountableOnly || line(i).product.discountable))
            sum += m_remaining[i];
    }
    return sum;
}

qint64 BasketLines::grossIn(const LineScope& scope) const
{
    qint64 sum = 0;
    for (qsizetype i = 0; i < size(); ++i) {
        if (inScope(i, scope))
            sum += m_gross[i];
    }
    return sum;
}

QList<qint64> BasketLines::takeSpread(qint64 amount, const LineScope& scope, bool loyaltyValue)
{
    QList<qint64> weights(size(), 0);
    for (qsizetype i = 0; i < size(); ++i) {
        if (inScope(i, scope) && line(i).product.discountable)
            weights[i] = m_remaining[i];
    }
    qint64 available = 0;
    for (qint64 w : weights)
        available += w;
    return takeEach(spreadByWeight(std::min(amount, available), weights, m_keys), loyaltyValue);
}

QList<qint64> BasketLines::takeEach(const QList<qint64>& perLine, bool loyaltyValue)
{
    QList<qint64> taken(size(), 0);
    for (qsizetype i = 0; i < size() && i < perLine.size(); ++i) {
        if (!line(i).product.discountable)
            continue;
        taken[i] = std::clamp(perLine[i], qint64(0), m_remaining[i]);
        m_remaining[i] -= taken[i];
        if (loyaltyValue)
            m_loyaltyPaid[i] += taken[i];
    }
    return taken;
}

qint64 BasketLines::takeUnit(qsizetype i, bool loyaltyValue)
{
    if (!line(i).product.discountable || m_freeUnits[i] >= line(i).quantity)
        return 0;
    const qint64 amount = std::min(line(i).product.price.minorUnits(), m_remaining[i]);
    m_remaining[i] -= amount;
    if (loyaltyValue)
        m_loyaltyPaid[i] += amount;
    ++m_freeUnits[i];
    return amount;
}

}  // namespace loyalty
