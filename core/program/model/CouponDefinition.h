#pragma once

#include "money/Points.h"
#include "program/model/LineScope.h"
#include "program/model/RuleWindow.h"

#include <QStringList>

namespace loyalty {

// A coupon or voucher. Campaign codes may be used by anyone, any number of times; single-use codes
// once in the whole chain; member coupons only by the member they were issued to (and once).
// A coupon gives a percentage or an amount off the discountable lines in scope, or bonus points.
// Coupons that are not `combinable` exclude each other: of those, the best for the customer wins;
// combinable coupons add to it. Higher `priority` applies first.
struct CouponDefinition
{
    enum class Kind
    {
        Campaign,
        SingleUse,
        Member
    };
    QString id;
    QString name;
    Kind kind = Kind::Campaign;
    QStringList codes;   // case-insensitive; stored upper-case
    QString memberUuid;  // Member kind
    LineScope scope;
    RuleWindow when;
    qint64 basisPoints = 0;
    qint64 amountMinor = 0;
    Points bonusPoints = 0;
    qint64 minSpendMinor = 0;
    bool combinable = false;
    int priority = 0;
    bool membersOnly = false;
};

}  // namespace loyalty
