#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `demo --members N [--history-days D]`: fills a new, empty database with the reproducible demo shop
// and, when asked, D days of sales history sold through the real sale service (DemoHistory) with a
// few manager corrections by the demo manager (DemoCorrections).
class DemoCommand final
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)

public:
    DemoCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(qint64 memberCount, int historyDays = 0) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
