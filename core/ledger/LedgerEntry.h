#pragma once

#include "money/Points.h"

#include <QString>

#include <optional>

namespace loyalty {

// One immutable movement of a member's points; the balance is the sum of a member's entries.
struct LedgerEntry
{
    qint64 id = 0;
    qint64 memberId = 0;
    std::optional<qint64> saleId;
    QString kind;  // "earn", "opening", later "redeem", "expire", "adjust", "reverse"
    Points points = 0;
    QString reason;  // the rule or cause, e.g. "earn.per_amount"
    QString createdAt;
};

}  // namespace loyalty
