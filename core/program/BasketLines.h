#pragma once

#include "program/Effect.h"
#include "program/model/LineScope.h"
#include "sale/Basket.h"

#include <QList>
#include <QStringList>

namespace loyalty {

// The engine's working view of a basket: per line what is still to pay, what was paid with loyalty
// value (points, rewards, stamps, wallet, credit), and which units were given free. Discounts only
// ever take from what is left on discountable lines, so the basket never goes below zero.
class BasketLines final
{
public:
    explicit BasketLines(const Basket& basket);

    qsizetype size() const { return m_lines.size(); }
    const BasketLine& line(qsizetype i) const { return m_basket.lines()[i]; }
    qint64 gross(qsizetype i) const { return m_gross[i]; }
    qint64 remaining(qsizetype i) const { return m_remaining[i]; }
    qint64 loyaltyPaid(qsizetype i) const { return m_loyaltyPaid[i]; }
    qint64 freeUnits(qsizetype i) const { return m_freeUnits[i]; }
    const QStringList& keys() const { return m_keys; }
    const QString& currency() const { return m_basket.currency(); }

    bool inScope(qsizetype i, const LineScope& scope) const { return scope.matches(line(i).product); }
    // What is left to pay on discountable lines in scope (on every line when `discountableOnly` is false).
    qint64 remainingIn(const LineScope& scope, bool discountableOnly = true) const;
    qint64 grossIn(const LineScope& scope) const;

    // Takes `amount` off the discountable lines in scope, spread by what is left on each; returns
    // the share per line (summing to at most `amount`). `loyaltyValue` marks it as paid with loyalty
    // value, which earns nothing unless the programme says so.
    QList<qint64> takeSpread(qint64 amount, const LineScope& scope, bool loyaltyValue);
    // Takes up to `perLine[i]` off each line (capped at what is left); returns what was taken.
    QList<qint64> takeEach(const QList<qint64>& perLine, bool loyaltyValue);
    // Makes one unit of line `i` free (its unit price, capped at what is left); returns the amount.
    qint64 takeUnit(qsizetype i, bool loyaltyValue);

private:
    const Basket& m_basket;
    QList<const BasketLine*> m_lines;
    QList<qint64> m_gross;
    QList<qint64> m_remaining;
    QList<qint64> m_loyaltyPaid;
    QList<qint64> m_freeUnits;
    QStringList m_keys;
};

}  // namespace loyalty
