#pragma once

#include <QDateTime>

namespace loyalty {

// A half-open span of local time [from, to) a branch report covers, with the period before it of the
// same length that retention compares against.
struct ReportPeriod
{
    enum class Preset
    {
        Today,
        ThisWeek,  // Monday up to and including today
        ThisMonth,
        Last30Days,  // the 30 days up to and including today
        ThisYear,
    };

    QDateTime from;
    QDateTime to;
    QDateTime compareFrom;
    QDateTime compareTo;

    // Whole local days first … last (inclusive); the comparison is the same number of days before.
    static ReportPeriod days(const QDate& first, const QDate& last);
    // The week, month and year so far compare with the whole week, month or year before; today and
    // the last 30 days with as many days before.
    static ReportPeriod preset(Preset preset, const QDate& today);

    bool isValid() const { return from.isValid() && to.isValid() && from < to; }
    // The number of local days the period touches.
    qint64 dayCount() const;
};

}  // namespace loyalty
