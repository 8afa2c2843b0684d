#include "money/MoneyFormatter.h"

#include "money/CurrencyInfo.h"

#include <QStringBuilder>

namespace loyalty {

MoneyFormatter::MoneyFormatter(const QLocale& locale)
    : m_locale(locale)
{
}

QString MoneyFormatter::formatNumber(const Money& amount) const
{
    const CurrencyInfo info = CurrencyInfo::of(amount.currency());
    const qint64 minor = amount.minorUnits();
    // qint64 magnitude of the most negative value does not fit; amounts that large are not money.
    const quint64 magnitude = minor < 0 ? quint64(0) - quint64(minor) : quint64(minor);
    const quint64 major = magnitude / quint64(info.minorPerMajor);
    const quint64 fraction = magnitude % quint64(info.minorPerMajor);

    QString text = m_locale.toString(major);
    if (info.minorDigits > 0)
        text += m_locale.decimalPoint() % QStringLiteral("%1").arg(fraction, info.minorDigits, 10, QLatin1Char('0'));
    if (minor < 0)
        text.prepend(m_locale.negativeSign());
    return text;
}

QString MoneyFormatter::format(const Money& amount) const
{
    const CurrencyInfo info = CurrencyInfo::of(amount.currency());
    // Let the locale place the symbol (before or after, with or without a space) and the sign (a
    // minus or parentheses) around a zero or a minus one, then put our exactly formatted magnitude
    // where that digit stood.
    const bool negative = amount.isNegative();
    const QString pattern = m_locale.toCurrencyString(qlonglong(negative ? -1 : 0), info.symbol);
    const QString digit = m_locale.toString(negative ? 1 : 0);
    const qsizetype at = pattern.indexOf(digit);
    QString number = formatNumber(amount);
    if (at < 0)
        return number % u' ' % info.symbol;
    if (negative)
        number.remove(0, m_locale.negativeSign().size());
    QString result = pattern;
    result.replace(at, digit.size(), number);
    return result;
}

}  // namespace loyalty
