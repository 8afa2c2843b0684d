#pragma once

#include <QtGlobal>

#include <cstdlib>

namespace loyalty {

// round_down(amount × part / whole) toward zero, without overflow for part <= whole. Returns and
// refunds take the difference of two such values, so parts returned in steps add up to exactly
// the whole amount.
inline qint64 proRata(qint64 amount, qint64 part, qint64 whole)
{
    if (whole <= 0)
        return 0;
    const qint64 magnitude = amount < 0 ? -amount : amount;
    const qint64 share = (magnitude / whole) * part + (magnitude % whole) * part / whole;
    return amount < 0 ? -share : share;
}

}  // namespace loyalty
