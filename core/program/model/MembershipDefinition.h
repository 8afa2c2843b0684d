#pragma once

#include <QString>

namespace loyalty {

// A paid membership: selling the product `feeEan` starts (or extends) it for `validityDays`; while
// valid the member gets `discountBasisPoints` off discountable lines instead of a smaller tier
// discount (the larger of the two applies, never both).
struct MembershipDefinition
{
    QString feeEan;
    int validityDays = 365;
    qint64 discountBasisPoints = 0;
};

}  // namespace loyalty
