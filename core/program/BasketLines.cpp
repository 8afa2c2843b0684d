#include "program/BasketLines.h"

#include "program/Spread.h"

#include <algorithm>
#include <numeric>

namespace loyalty {

BasketLines::BasketLines(const Basket& basket)
    : m_basket(basket)
{
    const qsizetype count = basket.lines().size();
    m_lines.reserve(count);
    m_gross.reserve(count);
    m_keys.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const BasketLine& line = basket.lines()[i];
        m_lines.append(&line);
        m_gross.append(line.total().minorUnits());
        m_keys.append(line.product.ean);
    }
    m_remaining = m_gross;
    m_loyaltyPaid = QList<qint64>(count, 0);
    m_freeUnits = QList<qint64>(count, 0);
    m_allLines = QList<bool>(count, true);

    // Dense ranks of the keys: equal keys the same rank, a lower key a lower rank.
    m_byKey = QList<qsizetype>(count);
    std::iota(m_byKey.begin(), m_byKey.end(), 0);
    std::sort(m_byKey.begin(), m_byKey.end(), [&](qsizetype a, qsizetype b) { return m_keys[a] < m_keys[b]; });
    m_keyRanks = QList<qsizetype>(count, 0);
    qsizetype rank = 0;
    for (qsizetype k = 0; k < count; ++k) {
        if (k > 0 && m_keys[m_byKey[k]] != m_keys[m_byKey[k - 1]])
            ++rank;
        m_keyRanks[m_byKey[k]] = rank;
    }
}

const QList<bool>& BasketLines::linesIn(const LineScope& scope) const
{
    if (scope.isAll())
        return m_allLines;
    const StorageKey key{scope.categories.constData(), scope.eans.constData()};
    const auto sameLists = [&](const ScopeLines& entry) {
        return entry.categories.constData() == scope.categories.constData() &&
               entry.categories.size() == scope.categories.size() && entry.eans.constData() == scope.eans.constData() &&
               entry.eans.size() == scope.eans.size();
    };
    if (const auto found = m_scopeIndex.constFind(key); found != m_scopeIndex.cend()) {
        const ScopeLines& entry = m_scopeLines[*found];
        if (sameLists(entry))
            return entry.lines;
    }
    // scope.matches for every line: the scope's EANs found among the sorted keys, its categories
    // (a few per programme) compared line by line.
    ScopeLines entry{scope.categories, scope.eans, QList<bool>(size(), false)};
    for (const QString& ean : scope.eans) {
        auto it = std::lower_bound(m_byKey.cbegin(), m_byKey.cend(), ean,
                                   [&](qsizetype i, const QString& wanted) { return m_keys[i] < wanted; });
        for (; it != m_byKey.cend() && m_keys[*it] == ean; ++it)
            entry.lines[*it] = true;
    }
    if (!scope.categories.isEmpty()) {
        for (qsizetype i = 0; i < size(); ++i) {
            if (!entry.lines[i] && scope.categories.contains(line(i).product.category))
                entry.lines[i] = true;
        }
    }
    m_scopeLines.push_back(std::move(entry));
    m_scopeIndex.insert(key, m_scopeLines.size() - 1);
    return m_scopeLines.back().lines;
}

qint64 BasketLines::remainingIn(const LineScope& scope, bool discountableOnly) const
{
    const QList<bool>& in = linesIn(scope);
    qint64 sum = 0;
    for (qsizetype i = 0; i < size(); ++i) {
        if (in[i] && (!discountableOnly || line(i).product.discountable))
            sum += m_remaining[i];
    }
    return sum;
}

qint64 BasketLines::grossIn(const LineScope& scope) const
{
    const QList<bool>& in = linesIn(scope);
    qint64 sum = 0;
    for (qsizetype i = 0; i < size(); ++i) {
        if (in[i])
            sum += m_gross[i];
    }
    return sum;
}

QList<qint64> BasketLines::spread(qint64 total, const QList<qint64>& weights) const
{
    return spreadByWeight(total, weights, m_keyRanks);
}

QList<qint64> BasketLines::takeSpread(qint64 amount, const LineScope& scope, bool loyaltyValue)
{
    const QList<bool>& in = linesIn(scope);
    QList<qint64> weights(size(), 0);
    for (qsizetype i = 0; i < size(); ++i) {
        if (in[i] && line(i).product.discountable)
            weights[i] = m_remaining[i];
    }
    qint64 available = 0;
    for (qint64 w : weights)
        available += w;
    return takeEach(spread(std::min(amount, available), weights), loyaltyValue);
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
