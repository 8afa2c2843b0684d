#include "program/Spread.h"

#include <QStringList>

#include <algorithm>
#include <numeric>

namespace loyalty {

namespace {
__extension__ using Wide = __int128;  // amounts times weights may exceed 63 bits

// `keyBefore(a, b)`: slot a's key sorts before b's; `keyDiffers(a, b)`: the keys are not equal.
template <typename KeyBefore, typename KeyDiffers>
QList<qint64> spread(qint64 total, const QList<qint64>& weights, KeyBefore keyBefore, KeyDiffers keyDiffers)
{
    const qint64 sum = std::accumulate(weights.cbegin(), weights.cend(), qint64(0));
    if (sum <= 0 || total == 0)
        return QList<qint64>(weights.size(), 0);
    const qint64 sign = total < 0 ? -1 : 1;
    const qint64 magnitude = total * sign;
    QList<qint64> shares(weights.size(), 0);
    QList<qint64> remainders(weights.size(), 0);
    qint64 given = 0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        if (weights[i] == 0)
            continue;  // share and remainder 0; most lines are out of a rule's scope
        qint64 narrow = 0;
        if (!__builtin_mul_overflow(magnitude, weights[i], &narrow)) {
            // The same quotient and remainder as below, without the slow 128-bit division.
            shares[i] = narrow / sum;
            remainders[i] = narrow % sum;
        } else {
            const Wide product = static_cast<Wide>(magnitude) * weights[i];
            shares[i] = static_cast<qint64>(product / sum);
            remainders[i] = static_cast<qint64>(product % sum);
        }
        given += shares[i];
    }
    // The units left over go one each to the first `left` slots of positive weight in the order
    // below (a total order: the index breaks the last tie), so only which slots are first matters,
    // not their order among themselves: nth_element picks exactly the slots a full sort would.
    const qint64 left = magnitude - given;
    if (left > 0) {
        QList<qsizetype> order;
        order.reserve(weights.size());
        for (qsizetype i = 0; i < weights.size(); ++i) {
            if (weights[i] > 0)
                order.append(i);
        }
        const qsizetype count = std::min<qint64>(left, order.size());
        const auto before = [&](qsizetype a, qsizetype b) {
            if (remainders[a] != remainders[b])
                return remainders[a] > remainders[b];
            if (weights[a] != weights[b])
                return weights[a] > weights[b];
            if (keyDiffers(a, b))
                return keyBefore(a, b);
            return a < b;
        };
        if (count < order.size())
            std::nth_element(order.begin(), order.begin() + count, order.end(), before);
        for (qsizetype k = 0; k < count; ++k)
            ++shares[order[k]];
    }
    if (sign < 0) {
        for (qint64& share : shares)
            share = -share;
    }
    return shares;
}
}  // namespace

QList<qint64> spreadByWeight(qint64 total, const QList<qint64>& weights, const QStringList& tieKeys)
{
    static const QString none;
    const auto key = [&](qsizetype i) -> const QString& { return i < tieKeys.size() ? tieKeys[i] : none; };
    return spread(
        total, weights, [&](qsizetype a, qsizetype b) { return key(a) < key(b); },
        [&](qsizetype a, qsizetype b) { return key(a) != key(b); });
}

QList<qint64> spreadByWeight(qint64 total, const QList<qint64>& weights, const QList<qsizetype>& tieRanks)
{
    const auto rank = [&](qsizetype i) { return i < tieRanks.size() ? tieRanks[i] : qsizetype(-1); };
    return spread(
        total, weights, [&](qsizetype a, qsizetype b) { return rank(a) < rank(b); },
        [&](qsizetype a, qsizetype b) { return rank(a) != rank(b); });
}

}  // namespace loyalty
