#pragma once

#include <QtGlobal>

namespace loyalty {

// Whether a balance may go below zero (a return of goods whose points were already spent).
struct BalancePolicy
{
    bool allowNegative = false;
    qint64 maxNegativePoints = 0;  // with allowNegative: how far below zero
};

}  // namespace loyalty
