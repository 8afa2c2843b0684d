#pragma once

#include "money/Points.h"

#include <QString>

#include <optional>

namespace loyalty {

// One immutable movement on one of a member's accounts; an account's balance is the sum of its
// entries. The points account's positive entries are lots that may expire.
struct LedgerEntry
{
    qint64 id = 0;
    qint64 memberId = 0;
    std::optional<qint64> saleId;
    QString kind;       // "opening", "earn", "redeem", "expire", "adjust", "reverse"
    Points points = 0;  // the signed amount in the account's unit (points, minor units, stamps, days)
    QString reason;     // the rule or cause, e.g. "earn.base"
    QString createdAt;
    QString account = QStringLiteral("points");  // "points", "wallet", "credit:<rule>", "stamps:<card>", "membership"
    QString expiresOn;                           // "yyyy-MM-dd" for an expiring points lot, else empty
    QString explanation;                         // the translated reason shown at the time
    std::optional<qint64> returnId;
};

}  // namespace loyalty
