#pragma once

#include <QString>

namespace loyalty::hq {

// One use of a single-use coupon code as a till's event reports it.
struct CouponUse
{
    QString code;
    QString eventId;
    QString memberUuid;
    QString tillId;
    QString saleUuid;
    QString usedAt;  // the till's time, normalised to UTC
};

}  // namespace loyalty::hq
