#pragma once

#include <QDateTime>
#include <QList>

#include <optional>

namespace loyalty {

// When a rule applies, in the till's local time: a date range (inclusive), weekdays and a time of
// day ("happy hour", start inclusive, end exclusive). Every part left empty places no limit.
struct RuleWindow
{
    std::optional<QDate> from;
    std::optional<QDate> until;
    QList<int> weekdays;  // 1 = Monday .. 7 = Sunday (Qt::DayOfWeek)
    std::optional<QTime> startTime;
    std::optional<QTime> endTime;

    bool contains(const QDateTime& at) const
    {
        const QDate day = at.date();
        if (from && day < *from)
            return false;
        if (until && day > *until)
            return false;
        if (!weekdays.isEmpty() && !weekdays.contains(day.dayOfWeek()))
            return false;
        const QTime time = at.time();
        if (startTime && time < *startTime)
            return false;
        if (endTime && time >= *endTime)
            return false;
        return true;
    }
};

}  // namespace loyalty
