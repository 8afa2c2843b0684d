#pragma once

#include <QString>

namespace loyalty {

// What a till needs to know about an ISO 4217 currency to show and parse amounts.
struct CurrencyInfo
{
    QString code;    // "EUR"
    QString symbol;  // "€"
    int minorDigits = 2;
    qint64 minorPerMajor = 100;

    static CurrencyInfo of(const QString& isoCode);
    static bool isKnown(const QString& isoCode);
};

}  // namespace loyalty
