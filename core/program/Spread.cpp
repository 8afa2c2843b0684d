#include "program/Spread.h"

#include <QStringList>

#include <algorithm>
#include <numeric>

namespace loyalty {

namespace {
__extension__ using Wide = __int128;  // amounts times weights may exceed 63 bits
}  // namespace

QList<qint64> spreadByWeight(qint64 total, const QList<qint64>& weights, const QStringList& tieKeys)
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
        const Wide product = static_cast<Wide>(magnitude) * weights[i];
        shares[i] = static_cast<qint64>(product / sum);
        remainders[i] = static_cast<qint64>(product % sum);
        given += shares[i];
    }
    QList<qsizetype> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        if (remainders[a] != remainders[b])
            return remainders[a] > remainders[b];
        if (weights[a] != weights[b])
            return weights[a] > weights[b];
        const QString keyA = a < tieKeys.size() ? tieKeys[a] : QString();
        const QString keyB = b < tieKeys.size() ? tieKeys[b] : QString();
        if (keyA != keyB)
            return keyA < keyB;
        return a < b;
    });
    for (qsizetype k = 0; given < magnitude && k < order.size(); ++k) {
        if (weights[order[k]] > 0) {
            ++shares[order[k]];
            ++given;
        }
    }
    for (qint64& share : shares)
        share *= sign;
    return shares;
}

}  // namespace loyalty
