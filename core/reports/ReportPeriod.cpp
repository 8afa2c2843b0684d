#include "reports/ReportPeriod.h"

namespace loyalty {

ReportPeriod ReportPeriod::days(const QDate& first, const QDate& last)
{
    ReportPeriod period;
    if (!first.isValid() || !last.isValid() || last < first)
        return period;
    const qint64 length = first.daysTo(last) + 1;
    period.from = first.startOfDay();
    period.to = last.addDays(1).startOfDay();
    period.compareFrom = first.addDays(-length).startOfDay();
    period.compareTo = period.from;
    return period;
}

ReportPeriod ReportPeriod::preset(Preset preset, const QDate& today)
{
    switch (preset) {
    case Preset::Today:
        return days(today, today);
    case Preset::ThisWeek: {
        // Retention compares with the whole week before, as the month with the whole month before.
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        ReportPeriod period = days(monday, today);
        period.compareFrom = monday.addDays(-7).startOfDay();
        return period;
    }
    case Preset::ThisMonth: {
        ReportPeriod period = days(QDate(today.year(), today.month(), 1), today);
        // Retention compares a month with the whole month before it, not with the same number of days.
        const QDate previous = QDate(today.year(), today.month(), 1).addMonths(-1);
        period.compareFrom = previous.startOfDay();
        return period;
    }
    case Preset::Last30Days:
        return days(today.addDays(-29), today);
    case Preset::ThisYear: {
        ReportPeriod period = days(QDate(today.year(), 1, 1), today);
        period.compareFrom = QDate(today.year() - 1, 1, 1).startOfDay();
        return period;
    }
    }
    return {};
}

qint64 ReportPeriod::dayCount() const
{
    if (!isValid())
        return 0;
    return from.date().daysTo(to.addMSecs(-1).date()) + 1;
}

}  // namespace loyalty
