#include "barcode/Gtin.h"

namespace loyalty {

std::optional<int> Gtin::checkDigit(QStringView payload)
{
    // Weights 3,1,3,1... from the rightmost payload digit, whatever the length.
    int sum = 0;
    int weight = 3;
    for (qsizetype i = payload.size() - 1; i >= 0; --i) {
        const QChar c = payload.at(i);
        if (c < u'0' || c > u'9')
            return std::nullopt;
        sum += (c.unicode() - u'0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

bool Gtin::isAllDigits(QStringView code)
{
    if (code.isEmpty())
        return false;
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool Gtin::hasGtinLength(QStringView code)
{
    return code.size() == 8 || code.size() == 12 || code.size() == 13 || code.size() == 14;
}

bool Gtin::isValid(QStringView code)
{
    if (!hasGtinLength(code) || !isAllDigits(code))
        return false;
    const auto expected = checkDigit(code.first(code.size() - 1));
    return expected && *expected == code.back().unicode() - u'0';
}

std::optional<Gtin::Format> Gtin::formatOf(QStringView code)
{
    if (!isValid(code))
        return std::nullopt;
    switch (code.size()) {
    case 8:
        return Format::Ean8;
    case 12:
        return Format::UpcA;
    case 13:
        return Format::Ean13;
    default:
        return Format::Gtin14;
    }
}

QString Gtin::withCheckDigit(const QString& payload)
{
    const auto digit = checkDigit(payload);
    return digit ? payload + QChar(u'0' + *digit) : QString();
}

QString Gtin::toEan13Key(const QString& code)
{
    if (code.size() == 12)
        return QLatin1Char('0') + code;
    return code;
}

}  // namespace loyalty
