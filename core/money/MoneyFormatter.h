#pragma once

#include "money/Money.h"

#include <QLocale>

namespace loyalty {

// Shows money the way the locale writes it ("1.234,56 €" in German, "€1,234.56" in English)
// without ever passing the amount through floating point.
class MoneyFormatter final
{
public:
    explicit MoneyFormatter(const QLocale& locale = QLocale());

    QString format(const Money& amount) const;
    // The number alone, without symbol: "1.234,56".
    QString formatNumber(const Money& amount) const;

private:
    QLocale m_locale;
};

}  // namespace loyalty
