#pragma once

#include <QList>

namespace loyalty {

// Spreads `total` over slots in proportion to `weights` (all >= 0) by the largest-remainder
// method: each slot gets floor(total * w / sum), the units left over go to the largest remainders,
// ties to the larger weight, then to the lower `tieKeys` (so the result does not depend on the
// order of the slots when the keys are the products' EANs). The result sums to `total` exactly;
// a zero weight gets nothing. With all weights zero, everything goes to nothing (an empty list).
QList<qint64> spreadByWeight(qint64 total, const QList<qint64>& weights, const QStringList& tieKeys);

}  // namespace loyalty
