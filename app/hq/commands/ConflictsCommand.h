#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `conflicts`: overdrafts and coupons used twice, as sync found them; exit 3 when there are any.
class ConflictsCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ConflictsCommand)

public:
    static Result<HqReport> run(HeadOffice& office);
};

}  // namespace loyalty::hq
