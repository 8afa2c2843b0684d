#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `sync [--timeout SECONDS]`: one full round with head office now (push the outbox, pull the
// changes) and what moved. Exit 6 when head office could not be reached or refused the till.
class SyncCommand final
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommand)

public:
    SyncCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(int timeoutSeconds) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
