#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace loyalty::hq {

class HeadOffice;

// `expire [--at TIME]`: head office books the expiry of points whose day has come (HqExpiry).
class ExpireCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ExpireCommand)

public:
    static Result<HqReport> run(HeadOffice& office, const QDateTime& at);
};

}  // namespace loyalty::hq
