#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `terminal add --name N` (a one-time provisioning code) `terminal list` and `terminal disable TILL-ID`.
class TerminalCommand final
{
    Q_DECLARE_TR_FUNCTIONS(TerminalCommand)

public:
    static Result<HqReport> add(HeadOffice& office, const QString& name);
    static Result<HqReport> list(HeadOffice& office);
    static Result<HqReport> disable(HeadOffice& office, const QString& tillId);
};

}  // namespace loyalty::hq
