#pragma once

#include "program/model/TierDefinition.h"

#include <QDate>
#include <QString>

namespace loyalty {

// Where a member stands in the tiers at a moment, and what the next tier still needs.
struct TierProgress
{
    TierPolicy::Basis basis = TierPolicy::Basis::Spend;
    qint64 qualifyingValue = 0;  // rolling value now: minor units (Spend) or points (Points)
    QString tierId;              // held now, grace included; empty without tiers
    QString qualifiedTierId;     // reached by the value now, without grace
    bool heldByGrace = false;
    QDate graceUntil;    // heldByGrace: the last day grace keeps tierId if nothing changes
    QString nextTierId;  // empty at the highest tier
    QString nextTierName;
    qint64 neededForNext = 0;  // value still missing for the next tier
};

}  // namespace loyalty
