#pragma once

#include "money/Money.h"
#include "money/Points.h"

#include <optional>

namespace loyalty {

// One completed sale as a list of sales shows it: who, when, how much and what it earned.
struct SaleSummary
{
    qint64 id = 0;
    QString uuid;
    QString completedAt;  // ISO 8601 UTC, as stored
    std::optional<qint64> memberId;
    QString memberName;  // empty for a sale without a member
    QString cardNumber;  // empty for a sale without a member
    Money total;
    Points pointsEarned = 0;
    qint64 itemCount = 0;
};

}  // namespace loyalty
