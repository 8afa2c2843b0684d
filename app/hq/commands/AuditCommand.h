#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `audit verify TILL-ID`: head office's copy of one till's hash-chained audit log checked with the
// till's own hash; exit 3 when an entry was edited, does not link to the one before, or forks.
class AuditCommand final
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    static Result<HqReport> verify(HeadOffice& office, const QString& tillId);
};

}  // namespace loyalty::hq
