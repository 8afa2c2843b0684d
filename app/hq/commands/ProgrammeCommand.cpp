#include "commands/ProgrammeCommand.h"

#include "HeadOffice.h"
#include "admin/ProgrammePublisher.h"
#include "program/format/ProgrammeParser.h"

#include <QFile>

namespace loyalty::hq {

Result<HqReport> ProgrammeCommand::publish(HeadOffice& office, const QString& file)
{
    QFile document(file);
    if (!document.open(QIODevice::ReadOnly))
        return Error{Error::Code::NotFound,
                     tr("Cannot read the programme file %1: %2").arg(file, document.errorString())};
    // Far above any real programme; keeps a mistaken file from being read into memory whole.
    constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
    if (document.size() > kMaxBytes)
        return Error{Error::Code::InvalidInput, tr("The programme file %1 is larger than 4 MiB.").arg(file),
                     ProgrammeParser::invalidReason()};
    const auto published = ProgrammePublisher(office.database(), office.clock()).publish(document.readAll());
    if (!published)
        return published.error();
    HqReport report;
    report.json = {{QStringLiteral("programme_id"), published->id},
                   {QStringLiteral("version"), published->version},
                   {QStringLiteral("name"), published->name},
                   {QStringLiteral("signature"), published->signature}};
    report.text = tr("Published programme %1 (%2), version %3, signed; every till receives it at its next sync.")
                      .arg(published->name, published->id)
                      .arg(published->version);
    return report;
}

}  // namespace loyalty::hq
