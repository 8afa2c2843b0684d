#include "commands/ExpireCommand.h"

#include "HeadOffice.h"
#include "admin/HqExpiry.h"

#include <QLocale>

namespace loyalty::hq {

Result<HqReport> ExpireCommand::run(HeadOffice& office, const QDateTime& at)
{
    const auto summary = HqExpiry(office.database()).run(at);
    if (!summary)
        return summary.error();
    const QLocale locale;
    HqReport report;
    report.json = {{QStringLiteral("day"), summary->day.toString(Qt::ISODate)},
                   {QStringLiteral("members"), summary->members},
                   {QStringLiteral("entries"), summary->entries},
                   {QStringLiteral("points"), summary->points}};
    report.text = tr("Expiry for %1: %2 points of %3 members expired.")
                      .arg(locale.toString(summary->day, QLocale::ShortFormat), locale.toString(summary->points),
                           locale.toString(summary->members));
    return report;
}

}  // namespace loyalty::hq
