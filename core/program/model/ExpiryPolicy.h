#pragma once

#include <QDate>

namespace loyalty {

// When earned points expire. Points are kept in lots by earn date and consumed oldest first.
struct ExpiryPolicy
{
    enum class Mode
    {
        Never,
        AfterMonths,        // `months` after the earn date
        EndOfFollowingYear  // 31 December of the year after the earn date
    };
    Mode mode = Mode::Never;
    int months = 24;
    int warnDays = 60;  // the member panel shows points expiring within this many days

    // The day a lot earned on `earned` expires (the points are gone from that day on); null for Never.
    QDate expiresOn(const QDate& earned) const
    {
        switch (mode) {
        case Mode::Never:
            return {};
        case Mode::AfterMonths:
            return earned.addMonths(months);
        case Mode::EndOfFollowingYear:
            return QDate(earned.year() + 2, 1, 1);
        }
        return {};
    }
};

}  // namespace loyalty
