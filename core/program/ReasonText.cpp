#include "program/ReasonText.h"

#include "money/MoneyFormatter.h"

#include <QLocale>

namespace loyalty {

namespace {

// A non-negative integer with `decimals` implied decimals, trailing zeros dropped: 1250,2 -> "12,5".
QString fixedPoint(qint64 value, int decimals)
{
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    const QLocale locale;
    QString text = locale.toString(value / scale);
    QString fraction = QString::number(value % scale).rightJustified(decimals, QLatin1Char('0'));
    while (fraction.endsWith(QLatin1Char('0')))
        fraction.chop(1);
    if (!fraction.isEmpty())
        text += locale.decimalPoint() + fraction;
    return text;
}

}  // namespace

QString ReasonText::money(qint64 minor, const QString& currency)
{
    return MoneyFormatter().format(Money(minor, currency));
}

QString ReasonText::percent(qint64 basisPoints)
{
    //: a percentage in a reason, e.g. "10 %"
    return tr("%1 %").arg(fixedPoint(basisPoints, 2));
}

QString ReasonText::factor(int percent)
{
    //: a points multiplier, e.g. "2×"
    return tr("%1×").arg(fixedPoint(percent, 2));
}

}  // namespace loyalty
