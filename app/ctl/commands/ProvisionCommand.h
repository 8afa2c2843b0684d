#pragma once

#include "CtlReport.h"
#include "CtlRequest.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `provision --hq URL --code CODE ...`: connects the till to head office and pulls the full
// snapshot, printing progress lines on standard error. Run again after a cut, it continues.
class ProvisionCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ProvisionCommand)

public:
    ProvisionCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(const CtlRequest& request) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
