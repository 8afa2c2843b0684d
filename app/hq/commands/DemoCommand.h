#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `demo --members N`: the till's demo shop at head office (HqDemo).
class DemoCommand final
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)

public:
    static Result<HqReport> run(HeadOffice& office, qint64 memberCount);
};

}  // namespace loyalty::hq
