#pragma once

#include <QList>

namespace loyalty {

// Spreads `total` over slots in proportion to `weights` (all >= 0) by the largest-remainder
// method: each slot gets floor(total * w / sum), the units left over go to the largest remainders,
// ties to the larger weight, then to the lower `tieKeys` (so the result does not depend on the
// order of the slots when the keys are the products' EANs). The result sums to `total` exactly;
// a zero weight gets nothing. With all weights zero, everything goes to nothing (an empty list).
QList<qint64> spreadByWeight(qint64 total, const QList<qint64>& weights, const QStringList& tieKeys);

// The same with the keys given by their rank: tieRanks[i] < tieRanks[j] exactly when key i sorts
// before key j, equal ranks for equal keys (BasketLines ranks its EANs once per evaluation, so the
// ties need no string comparison). Slots beyond tieRanks count as the lowest key, like an empty one.
QList<qint64> spreadByWeight(qint64 total, const QList<qint64>& weights, const QList<qsizetype>& tieRanks);

}  // namespace loyalty
