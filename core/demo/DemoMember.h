#pragma once

#include "money/Points.h"

#include <QString>

#include <vector>

namespace loyalty {

// One card of a demo member.
struct DemoCard
{
    QString number;
    QString state;  // active, blocked
};

// One member of the demo shop, the same on every till and at head office.
struct DemoMember
{
    qint64 number = 0;  // the till's member id
    QString uuid;       // sync::memberUuidForNumber(number)
    QString name;
    QString email;
    QString phone;
    QString enrolledAt;  // ISO 8601 UTC; also when the cards were issued
    std::vector<DemoCard> cards;
    Points openingBalance = 0;  // carried over from the shop's previous system
};

}  // namespace loyalty
