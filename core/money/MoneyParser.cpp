#include "money/MoneyParser.h"

#include <limits>

namespace loyalty {

std::optional<qint64> MoneyParser::parseMinor(const QString& text, const CurrencyInfo& currency, const QLocale& locale)
{
    QString cleaned = text;
    cleaned.remove(currency.symbol);
    cleaned.remove(currency.code, Qt::CaseInsensitive);
    cleaned.remove(QLatin1Char(' '));
    cleaned.remove(QChar(0x00A0));  // no-break space
    cleaned.remove(QChar(0x202F));  // narrow no-break space
    if (cleaned.isEmpty())
        return std::nullopt;

    // The decimal separator: the locale's when present; otherwise a lone '.' or ',' followed by no
    // more digits than the currency has (so "12.50" works in German and "12,50" in English).
    QChar decimal = locale.decimalPoint().isEmpty() ? QLatin1Char('.') : locale.decimalPoint().front();
    if (!cleaned.contains(decimal)) {
        for (const QChar candidate : {QLatin1Char('.'), QLatin1Char(',')}) {
            const qsizetype at = cleaned.lastIndexOf(candidate);
            if (at >= 0 && cleaned.count(candidate) == 1 && cleaned.size() - at - 1 <= currency.minorDigits) {
                decimal = candidate;
                break;
            }
        }
    }
    const qsizetype point = cleaned.indexOf(decimal);
    if (point >= 0 && cleaned.indexOf(decimal, point + 1) >= 0)
        return std::nullopt;
    QString whole = point >= 0 ? cleaned.left(point) : cleaned;
    const QString fraction = point >= 0 ? cleaned.mid(point + 1) : QString();
    const QString group = locale.groupSeparator();
    if (!group.isEmpty())
        whole.remove(group);
    whole.remove(decimal == QLatin1Char(',') ? QLatin1Char('.') : QLatin1Char(','));
    if ((whole.isEmpty() && fraction.isEmpty()) || fraction.size() > currency.minorDigits)
        return std::nullopt;

    constexpr qint64 kMax = std::numeric_limits<qint64>::max() / 10;
    qint64 minor = 0;
    const QString digits = whole + fraction.leftJustified(currency.minorDigits, QLatin1Char('0'));
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9') || minor > kMax)
            return std::nullopt;
        minor = minor * 10 + (c.unicode() - u'0');
    }
    return minor;
}

}  // namespace loyalty
