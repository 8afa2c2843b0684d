#pragma once

#include "HqReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty::hq {

class HeadOffice;

// `balance CARD`: the card's member and the sum of each of their accounts.
class BalanceCommand final
{
    Q_DECLARE_TR_FUNCTIONS(BalanceCommand)

public:
    static Result<HqReport> run(HeadOffice& office, const QString& card);
};

}  // namespace loyalty::hq
