#pragma once

#include <QDateTime>

namespace loyalty {

// A change to a member's tier qualifying value at one moment: a sale's eligible spend, a refund
// of earning lines (negative), earned points or earned points reversed (negative).
struct QualifyingMovement
{
    QDateTime at;
    qint64 amount = 0;
};

}  // namespace loyalty
