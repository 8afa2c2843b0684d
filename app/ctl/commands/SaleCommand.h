#pragma once

#include "CtlReport.h"
#include "CtlRequest.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `sale [--card CARD] --line EAN[:QTY]... [the options of quote]`: one sale through the same
// SaleSession the till screen uses, so it earns exactly what the till would. Any refused scan
// aborts before anything is written.
class SaleCommand final
{
    Q_DECLARE_TR_FUNCTIONS(SaleCommand)

public:
    SaleCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(const CtlRequest& request) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
