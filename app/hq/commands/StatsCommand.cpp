#include "commands/StatsCommand.h"

#include "HeadOffice.h"
#include "admin/HqReports.h"

#include <QJsonArray>
#include <QLocale>

namespace loyalty::hq {

Result<HqReport> StatsCommand::run(HeadOffice& office)
{
    const auto stats = HqReports(office.database()).statistics();
    if (!stats)
        return stats.error();
    const QLocale locale;
    QJsonArray tills;
    QStringList lines{tr("Members: %1").arg(locale.toString(stats->members)),
                      tr("Events: %1").arg(locale.toString(stats->events)),
                      tr("Duplicates refused: %1").arg(locale.toString(stats->duplicatesRefused)),
                      tr("Rejected: %1").arg(locale.toString(stats->rejected)),
                      tr("Overdrafts: %1").arg(locale.toString(stats->overdrafts)),
                      tr("Coupon conflicts: %1").arg(locale.toString(stats->couponConflicts))};
    for (const TillRecord& till : stats->tills) {
        tills.append(QJsonObject{
            {QStringLiteral("till_id"), till.id},
            {QStringLiteral("name"), till.name},
            {QStringLiteral("events"), till.accepted},
            {QStringLiteral("duplicates"), till.duplicates},
            {QStringLiteral("rejected"), till.rejected},
            {QStringLiteral("last_sequence"), till.lastSequence},
            {QStringLiteral("last_seen"), till.lastSeen.isEmpty() ? QJsonValue() : QJsonValue(till.lastSeen)}});
        lines.append(tr("Till %1 (%2): %3 events, %4 duplicates, %5 rejected, sequence %6, last seen %7")
                         .arg(till.name, till.id, locale.toString(till.accepted), locale.toString(till.duplicates),
                              locale.toString(till.rejected), locale.toString(till.lastSequence),
                              till.lastSeen.isEmpty() ? tr("never") : till.lastSeen));
    }
    HqReport report;
    report.json = {{QStringLiteral("members"), stats->members},
                   {QStringLiteral("events"), stats->events},
                   {QStringLiteral("duplicates_refused"), stats->duplicatesRefused},
                   {QStringLiteral("rejected"), stats->rejected},
                   {QStringLiteral("overdrafts"), stats->overdrafts},
                   {QStringLiteral("coupon_conflicts"), stats->couponConflicts},
                   {QStringLiteral("tills"), tills}};
    report.text = lines.join(u'\n');
    return report;
}

}  // namespace loyalty::hq
