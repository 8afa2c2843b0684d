#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `expire [--at TIME]`: books the expiry of every points lot whose day has come (ExpiryRun).
// Running it again the same day finds nothing more to expire.
class ExpireCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ExpireCommand)

public:
    ExpireCommand(Database& database, const Clock& clock);

    Result<CtlReport> run() const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
