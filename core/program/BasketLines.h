#pragma once

#include "program/Effect.h"
#include "program/model/LineScope.h"
#include "sale/Basket.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <deque>

namespace loyalty {

// The engine's working view of a basket: per line what is still to pay, what was paid with loyalty
// value (points, rewards, stamps, wallet, credit), and which units were given free. Discounts only
// ever take from what is left on discountable lines, so the basket never goes below zero.
class BasketLines final
{
public:
    explicit BasketLines(const Basket& basket);
    Q_DISABLE_COPY_MOVE(BasketLines)

    qsizetype size() const { return m_lines.size(); }
    const BasketLine& line(qsizetype i) const { return *m_lines[i]; }
    qint64 gross(qsizetype i) const { return m_gross[i]; }
    qint64 remaining(qsizetype i) const { return m_remaining[i]; }
    qint64 loyaltyPaid(qsizetype i) const { return m_loyaltyPaid[i]; }
    qint64 freeUnits(qsizetype i) const { return m_freeUnits[i]; }
    const QStringList& keys() const { return m_keys; }
    const QString& currency() const { return m_basket.currency(); }

    bool inScope(qsizetype i, const LineScope& scope) const { return scope.isAll() || linesIn(scope)[i]; }
    // Which lines `scope` matches (scope.matches of each line's product), worked out once per
    // scope: an evaluation asks about the same few scopes for every line, several times. The
    // reference stays valid as long as this object.
    const QList<bool>& linesIn(const LineScope& scope) const;
    // What is left to pay on discountable lines in scope (on every line when `discountableOnly` is false).
    qint64 remainingIn(const LineScope& scope, bool discountableOnly = true) const;
    qint64 grossIn(const LineScope& scope) const;

    // spreadByWeight over the lines, ties to the lower EAN (keys()).
    QList<qint64> spread(qint64 total, const QList<qint64>& weights) const;

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
    QList<qsizetype> m_byKey;     // line indices sorted by key (EAN), to find a scope's EANs
    QList<qsizetype> m_keyRanks;  // m_keys' order as numbers, for spread's ties
    QList<bool> m_allLines;

    // A scope's match per line, found by the storage of its two lists. The entry holds copies of
    // the lists, so that storage stays allocated (and, being shared, can only be changed by
    // detaching) while the entry lives: the same storage then means the same lists, even when the
    // scope was a temporary whose address or heap block is later reused.
    struct ScopeLines
    {
        QStringList categories;
        QStringList eans;
        QList<bool> lines;
    };
    using StorageKey = std::pair<const QString*, const QString*>;
    mutable std::deque<ScopeLines> m_scopeLines;  // a deque: references handed out stay valid
    mutable QHash<StorageKey, std::size_t> m_scopeIndex;
};

}  // namespace loyalty
