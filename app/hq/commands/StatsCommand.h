#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `stats`: members, events, duplicates refused, rejections, overdrafts, coupon conflicts, per till.
class StatsCommand final
{
    Q_DECLARE_TR_FUNCTIONS(StatsCommand)

public:
    static Result<HqReport> run(HeadOffice& office);
};

}  // namespace loyalty::hq
