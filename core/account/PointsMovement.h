#pragma once

#include "money/Points.h"

#include <QDate>

namespace loyalty {

// One entry of a member's points account as PointsLots replays it.
struct PointsMovement
{
    qint64 entryId = 0;
    Points amount = 0;  // positive: a lot; negative: redeemed, reversed, expired or adjusted away
    QDate on;           // the local day it was booked
    QDate expiresOn;    // positive entries: the day the lot is gone; null: never
};

}  // namespace loyalty
