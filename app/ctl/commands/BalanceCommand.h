#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// `balance CARD`: who holds a loyalty card, the card's state, the member's points balance and
// where they stand in the active programme: wallet, stamps, tier and points about to expire.
class BalanceCommand final
{
    Q_DECLARE_TR_FUNCTIONS(BalanceCommand)

public:
    BalanceCommand(Database& database, const Clock& clock);

    Result<CtlReport> run(const QString& card) const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
