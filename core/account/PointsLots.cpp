#include "account/PointsLots.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace loyalty {

namespace {
// The order lots are consumed in: earliest expiry first, lots that never expire last, then by entry.
using ConsumptionKey = std::tuple<bool, qint64, qint64>;

ConsumptionKey consumptionKey(const PointsLot& lot)
{
    const bool never = !lot.expiresOn.isValid();
    return {never, never ? std::numeric_limits<qint64>::max() : lot.expiresOn.toJulianDay(), lot.entryId};
}
}  // namespace

PointsLots PointsLots::replay(const QList<PointsMovement>& movements)
{
    PointsLots result;
    std::map<ConsumptionKey, qsizetype> open;  // lots with points remaining -> index in m_lots
    for (const PointsMovement& movement : movements) {
        if (movement.amount > 0) {
            const Points paidOff = std::min(result.m_deficit, movement.amount);
            result.m_deficit -= paidOff;
            PointsLot lot{movement.entryId, movement.on, movement.expiresOn, movement.amount - paidOff};
            result.m_lots.append(lot);
            if (lot.remaining > 0)
                open.emplace(consumptionKey(lot), result.m_lots.size() - 1);
        } else if (movement.amount < 0) {
            Points toTake = -movement.amount;
            while (toTake > 0 && !open.empty()) {
                const auto first = open.begin();
                PointsLot& lot = result.m_lots[first->second];
                const Points taken = std::min(lot.remaining, toTake);
                lot.remaining -= taken;
                toTake -= taken;
                if (lot.remaining == 0)
                    open.erase(first);
            }
            result.m_deficit += toTake;
        }
    }
    return result;
}

QList<PointsLot> PointsLots::lots() const
{
    QList<PointsLot> remaining;
    for (const PointsLot& lot : m_lots) {
        if (lot.remaining > 0)
            remaining.append(lot);
    }
    return remaining;
}

Points PointsLots::balance() const
{
    Points sum = -m_deficit;
    for (const PointsLot& lot : m_lots)
        sum += lot.remaining;
    return sum;
}

ExpiringPoints PointsLots::expiringWithin(const QDate& day, int days) const
{
    ExpiringPoints expiring;
    const QDate last = day.addDays(days);
    for (const PointsLot& lot : m_lots) {
        if (lot.remaining <= 0 || !lot.expiresOn.isValid() || lot.expiresOn <= day || lot.expiresOn > last)
            continue;
        expiring.points += lot.remaining;
        if (!expiring.firstOn.isValid() || lot.expiresOn < expiring.firstOn)
            expiring.firstOn = lot.expiresOn;
    }
    return expiring;
}

QList<PointsLot> PointsLots::expiredOn(const QDate& day) const
{
    QList<PointsLot> expired;
    for (const PointsLot& lot : m_lots) {
        if (lot.remaining > 0 && lot.expiresOn.isValid() && lot.expiresOn <= day)
            expired.append(lot);
    }
    std::sort(expired.begin(), expired.end(),
              [](const PointsLot& a, const PointsLot& b) { return consumptionKey(a) < consumptionKey(b); });
    return expired;
}

}  // namespace loyalty
