#pragma once

#include "money/Points.h"

#include <QDate>

namespace loyalty {

// Points earned together that are still (partly) in the balance, and the day they expire.
struct PointsLot
{
    qint64 entryId = 0;  // the ledger entry that created the lot
    QDate earnedOn;
    QDate expiresOn;  // null: never
    Points remaining = 0;

    bool operator==(const PointsLot& other) const = default;
};

}  // namespace loyalty
