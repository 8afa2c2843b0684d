#pragma once

#include "account/ExpiringPoints.h"
#include "account/PointsLot.h"
#include "account/PointsMovement.h"

#include <QList>

namespace loyalty {

// The lots of a member's points account, replayed from its ledger entries: positive entries are
// lots; negative entries consume the lots that expire first (lots without expiry last, ties by
// entry). Taking more than the lots hold leaves a deficit that later positive entries pay off first.
class PointsLots final
{
public:
    // `movements` in ledger (entry id) order.
    static PointsLots replay(const QList<PointsMovement>& movements);

    // Lots with points remaining, in earn (entry) order.
    QList<PointsLot> lots() const;
    Points deficit() const { return m_deficit; }
    Points balance() const;

    // Points still valid on `day` that are gone within `days` days after it
    // (day < expiresOn <= day + days).
    ExpiringPoints expiringWithin(const QDate& day, int days) const;
    // Lots already expired on `day` (expiresOn <= day) with points remaining, in the order a
    // negative entry would consume them.
    QList<PointsLot> expiredOn(const QDate& day) const;

private:
    QList<PointsLot> m_lots;  // every lot, consumed ones included, in entry order
    Points m_deficit = 0;
};

}  // namespace loyalty
