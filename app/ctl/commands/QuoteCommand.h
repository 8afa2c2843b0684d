#pragma once

#include "CtlReport.h"
#include "CtlRequest.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `quote [--card CARD] --line EAN[:QTY]... [--at TIME] [--coupon CODE]... [--redeem POINTS]...`:
// what the active programme would give for a basket, evaluated exactly as the till's sale screen
// does, without writing anything. The clock is the --at moment when one was given.
class QuoteCommand final
{
    Q_DECLARE_TR_FUNCTIONS(QuoteCommand)

public:
    QuoteCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(const CtlRequest& request) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
