#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `programme publish FILE`: validate, sign and publish a programme document (ProgrammePublisher).
class ProgrammeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeCommand)

public:
    static Result<HqReport> publish(HeadOffice& office, const QString& file);
};

}  // namespace loyalty::hq
