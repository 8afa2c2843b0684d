#include "manager/reports/ReportText.h"

#include "money/Money.h"
#include "money/MoneyFormatter.h"

#include <QDate>

namespace loyalty {

ReportText::ReportText(const QLocale& locale)
    : m_locale(locale)
{
}

QString ReportText::money(qint64 minorUnits, const QString& currency) const
{
    return MoneyFormatter(m_locale).format(Money(minorUnits, currency));
}

QString ReportText::count(qint64 value) const
{
    return m_locale.toString(value);
}

QString ReportText::percent(int permille) const
{
    return tr("%1%2%3 %", "per mille as a percentage: whole part, decimal point, tenth")
        .arg(m_locale.toString(permille / 10), m_locale.decimalPoint(), QString::number(permille % 10));
}

QString ReportText::ratio(int permille) const
{
    const int hundredths = (permille + 5) / 10;
    return m_locale.toString(hundredths / 100) + m_locale.decimalPoint() +
           QString::number(hundredths % 100).rightJustified(2, QLatin1Char('0'));
}

QString ReportText::day(const QDate& date) const
{
    return m_locale.toString(date, QLocale::ShortFormat);
}

QString ReportText::dayAndMonth(const QDate& date) const
{
    return m_locale.toString(date, dayAndMonthFormat());
}

QString ReportText::dayAndMonthFormat() const
{
    QString format = m_locale.dateFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral("yyyy")).remove(QStringLiteral("yy"));
    // The year's separator goes with it; German keeps the dot after the month ("05.01.").
    while (!format.isEmpty() && QStringLiteral("/- ,").contains(format.back()))
        format.chop(1);
    while (!format.isEmpty() && QStringLiteral("/-. ,").contains(format.front()))
        format.remove(0, 1);
    return format;
}

}  // namespace loyalty
