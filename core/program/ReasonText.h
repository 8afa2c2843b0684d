#pragma once

#include "money/Money.h"

#include <QCoreApplication>

namespace loyalty {

// The small pieces the effects' reasons are made of, written the way the locale writes them.
class ReasonText final
{
    Q_DECLARE_TR_FUNCTIONS(ReasonText)

public:
    // "5,00 €"
    static QString money(qint64 minor, const QString& currency);
    // 1000 basis points -> "10 %", 1250 -> "12,5 %"
    static QString percent(qint64 basisPoints);
    // 200 % -> "2×", 150 % -> "1,5×"
    static QString factor(int percent);
};

}  // namespace loyalty
