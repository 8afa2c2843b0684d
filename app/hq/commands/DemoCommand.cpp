#include "commands/DemoCommand.h"

#include "HeadOffice.h"
#include "admin/HqDemo.h"
#include "store/HqDatabase.h"

#include <QElapsedTimer>
#include <QLocale>

namespace loyalty::hq {

Result<HqReport> DemoCommand::run(HeadOffice& office, qint64 memberCount)
{
    QElapsedTimer timer;
    timer.start();
    const auto summary = HqDemo(office.database(), office.clock()).generate(memberCount);
    if (!summary)
        return summary.error();
    const qint64 elapsedMs = timer.elapsed();
    HqReport report;
    report.json = {{QStringLiteral("database"), office.database().displayName()},
                   {QStringLiteral("members"), summary->members},
                   {QStringLiteral("cards"), summary->cards},
                   {QStringLiteral("products"), summary->products},
                   {QStringLiteral("programme_version"), summary->programmeVersion},
                   {QStringLiteral("programme_published"), summary->programmePublished},
                   {QStringLiteral("elapsed_ms"), elapsedMs}};
    const QLocale locale;
    report.text = tr("Database: %1\nMembers: %2\nCards: %3\nProducts: %4\nProgramme version: %5\nSeconds: %6")
                      .arg(office.database().displayName(), locale.toString(summary->members),
                           locale.toString(summary->cards), locale.toString(summary->products))
                      .arg(summary->programmeVersion)
                      .arg(locale.toString(double(elapsedMs) / 1000.0, 'f', 1));
    return report;
}

}  // namespace loyalty::hq
