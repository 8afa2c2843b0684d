#include "money/CurrencyInfo.h"

#include <array>

namespace loyalty {

namespace {

struct KnownCurrency
{
    const char16_t* code;
    const char16_t* symbol;
    int minorDigits;
};

constexpr std::array<KnownCurrency, 10> kKnown{{
    {u"EUR", u"€", 2},
    {u"USD", u"$", 2},
    {u"GBP", u"£", 2},
    {u"CHF", u"CHF", 2},
    {u"SEK", u"kr", 2},
    {u"DKK", u"kr.", 2},
    {u"NOK", u"kr", 2},
    {u"PLN", u"zł", 2},
    {u"CZK", u"Kč", 2},
    {u"JPY", u"¥", 0},
}};

}  // namespace

CurrencyInfo CurrencyInfo::of(const QString& isoCode)
{
    for (const auto& known : kKnown) {
        if (isoCode == QStringView(known.code)) {
            qint64 perMajor = 1;
            for (int i = 0; i < known.minorDigits; ++i)
                perMajor *= 10;
            return CurrencyInfo{isoCode, QString::fromUtf16(known.symbol), known.minorDigits, perMajor};
        }
    }
    return CurrencyInfo{isoCode, isoCode, 2, 100};
}

bool CurrencyInfo::isKnown(const QString& isoCode)
{
    for (const auto& known : kKnown) {
        if (isoCode == QStringView(known.code))
            return true;
    }
    return false;
}

}  // namespace loyalty
