#pragma once

#include "money/Money.h"
#include "program/Evaluation.h"

#include <optional>

namespace loyalty {

// What a committed sale left behind: its identity, what the programme gave and the member's new
// balances.
struct CompletedSale
{
    qint64 saleId = 0;
    QString saleUuid;
    QString completedAt;
    Money total;
    qint64 itemCount = 0;
    Evaluation effects;
    std::optional<qint64> memberId;
    QString memberName;
    QString cardNumber;
    std::optional<Points> newBalance;  // set when a member was on the sale
    qint64 newWalletMinor = 0;
    qint64 outboxSequence = 0;
    int programmeVersion = 0;
};

}  // namespace loyalty
