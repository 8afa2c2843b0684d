#pragma once

#include "money/Money.h"
#include "program/SaleEffects.h"

#include <optional>

namespace loyalty {

// What a committed sale left behind: its identity, what it earned and the member's new balance.
struct CompletedSale
{
    qint64 saleId = 0;
    QString saleUuid;
    QString completedAt;
    Money total;
    qint64 itemCount = 0;
    SaleEffects effects;
    std::optional<qint64> memberId;
    QString memberName;
    std::optional<Points> newBalance;  // set when a member was on the sale
    qint64 outboxSequence = 0;
};

}  // namespace loyalty
