#pragma once

#include "money/Points.h"

#include <QString>

namespace loyalty {

// One thing the programme gives for a sale, with the rule that gave it and why, for the screen,
// the receipt and the ledger.
struct Effect
{
    QString ruleId;  // stable, stored in the ledger: "earn.per_amount"
    Points points = 0;
    QString explanation;  // translated reason, for people: "1 point per full 1,00 € spent"
};

}  // namespace loyalty
