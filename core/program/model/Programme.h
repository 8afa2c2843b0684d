#pragma once

#include "program/model/BalancePolicy.h"
#include "program/model/CouponDefinition.h"
#include "program/model/ExpiryPolicy.h"
#include "program/model/MembershipDefinition.h"
#include "program/model/RedemptionPolicy.h"
#include "program/model/RewardDefinition.h"
#include "program/model/Rule.h"
#include "program/model/StampCardDefinition.h"
#include "program/model/TierDefinition.h"

#include <QList>

#include <optional>

namespace loyalty {

// A loyalty programme as head office issues it: a versioned document (see docs/programme.md),
// parsed and validated by ProgrammeParser, evaluated by ProgrammeEngine.
struct Programme
{
    QString id;
    int version = 0;
    QString name;
    QString currency;
    QList<Rule> rules;
    QList<TierDefinition> tiers;  // lowest first; the first is the entry tier (threshold 0)
    TierPolicy tierPolicy;
    QList<StampCardDefinition> stampCards;
    std::optional<MembershipDefinition> membership;
    RedemptionPolicy redemption;
    QList<RewardDefinition> rewards;
    QList<CouponDefinition> coupons;
    ExpiryPolicy expiry;
    BalancePolicy balance;

    const TierDefinition* tier(const QString& tierId) const
    {
        for (const TierDefinition& t : tiers) {
            if (t.id == tierId)
                return &t;
        }
        return nullptr;
    }
};

}  // namespace loyalty
