#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `balance CARD`: who holds a loyalty card, the card's state and the member's points balance.
class BalanceCommand final
{
    Q_DECLARE_TR_FUNCTIONS(BalanceCommand)

public:
    explicit BalanceCommand(const Database& database);

    Result<CtlReport> run(const QString& card) const;

private:
    const Database& m_database;
};

}  // namespace loyalty
