#pragma once

#include <QCoreApplication>
#include <QLocale>

namespace loyalty {

// How the report page writes its figures in the locale: money as "1.234,56 €", per mille as
// "80,1 %", counts grouped — all from integers, never through floating point.
class ReportText final
{
    Q_DECLARE_TR_FUNCTIONS(ReportText)

public:
    explicit ReportText(const QLocale& locale = QLocale());

    QString money(qint64 minorUnits, const QString& currency) const;
    QString count(qint64 value) const;
    // 801 → "80,1 %".
    QString percent(int permille) const;
    // 2345 → "2,35": a per-mille ratio as a number with two decimals, rounded half up.
    QString ratio(int permille) const;
    QString day(const QDate& date) const;
    // The locale's short date without the year: "05.01." in German, "1/5" in English.
    QString dayAndMonth(const QDate& date) const;
    QString dayAndMonthFormat() const;

private:
    QLocale m_locale;
};

}  // namespace loyalty
