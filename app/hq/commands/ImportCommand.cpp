#include "commands/ImportCommand.h"

#include "HeadOffice.h"
#include "admin/MemberImport.h"

#include <QFile>
#include <QLocale>

namespace loyalty::hq {

Result<HqReport> ImportCommand::members(HeadOffice& office, const QString& file)
{
    QFile csv(file);
    if (!csv.open(QIODevice::ReadOnly))
        return Error{Error::Code::NotFound, tr("Cannot read the member file %1: %2").arg(file, csv.errorString())};
    const auto summary = MemberImport(office.database(), office.clock()).run(csv.readAll());
    if (!summary)
        return summary.error();
    const QLocale locale;
    HqReport report;
    report.json = {{QStringLiteral("members"), summary->members},
                   {QStringLiteral("cards"), summary->cards},
                   {QStringLiteral("opening_points"), summary->openingPoints}};
    report.text = tr("Imported %1 members with %2 cards and %3 opening points.")
                      .arg(locale.toString(summary->members), locale.toString(summary->cards),
                           locale.toString(summary->openingPoints));
    return report;
}

}  // namespace loyalty::hq
