#pragma once

#include "account/ReversedEffect.h"
#include "money/Money.h"
#include "money/Points.h"

#include <QList>

#include <optional>

namespace loyalty {

// A return as written: its identity, the money to give back and what it took back of the sale's effects.
struct CompletedReturn
{
    qint64 returnId = 0;
    QString uuid;
    qint64 saleId = 0;
    std::optional<qint64> memberId;
    Money refund;
    QList<ReversedEffect> reversed;
    Points pointsBalance = 0;  // the member's points after the return (0 without member)
    QString createdAt;
};

}  // namespace loyalty
