#pragma once

#include <QString>

namespace loyalty {

// One tier (Bronze, Silver, Gold) and what it gives. Tiers are listed lowest first.
struct TierDefinition
{
    QString id;
    QString name;
    qint64 threshold = 0;             // rolling qualifying value needed: minor units or points
    int earnMultiplierPercent = 100;  // 150 = 1.5× base points
    qint64 discountBasisPoints = 0;   // member discount on discountable lines, 500 = 5 %
};

// How tiers are earned and kept.
struct TierPolicy
{
    enum class Basis
    {
        Spend,        // eligible spend after discounts, minor units
        EarnedPoints  // points earned (not redeemed or expired ones subtracted)
    };
    Basis basis = Basis::Spend;
    int months = 12;    // the rolling window
    int graceDays = 0;  // a member keeps a tier this long after falling below it
};

}  // namespace loyalty
