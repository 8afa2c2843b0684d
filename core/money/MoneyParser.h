#pragma once

#include "money/CurrencyInfo.h"

#include <QLocale>

#include <optional>

namespace loyalty {

// Reads an amount a person typed ("12,50", "12.50 €", "1.234,5", "7") into minor units of a
// currency, in integers only: never through floating point. Accepts the locale's decimal point
// (and '.' or ',' when only one of them is present and it has at most the currency's minor digits
// after it), group separators, the currency's symbol or code and spaces. Empty, negative, more
// decimals than the currency has, or anything else → nothing.
class MoneyParser final
{
public:
    static std::optional<qint64> parseMinor(const QString& text, const CurrencyInfo& currency,
                                            const QLocale& locale = QLocale());
};

}  // namespace loyalty
