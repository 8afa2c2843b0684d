#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `import members FILE.csv`: members from another system, all or nothing (MemberImport).
class ImportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    static Result<HqReport> members(HeadOffice& office, const QString& file);
};

}  // namespace loyalty::hq
