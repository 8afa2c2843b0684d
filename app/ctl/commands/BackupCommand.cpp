#include "commands/BackupCommand.h"

#include "CtlTable.h"
#include "store/Database.h"
#include "store/DatabaseBackup.h"

#include <QLocale>

namespace loyalty {

BackupCommand::BackupCommand(const Database& database)
    : m_database(database)
{
}

Result<CtlReport> BackupCommand::run(const QString& target) const
{
    const auto written = DatabaseBackup(m_database).writeTo(target);
    if (!written)
        return written.error();

    CtlReport report;
    report.json = {{QStringLiteral("path"), written->path},
                   {QStringLiteral("bytes"), written->bytes},
                   {QStringLiteral("schema_version"), written->schemaVersion},
                   {QStringLiteral("members"), written->members},
                   {QStringLiteral("source"), m_database.path()}};
    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Backup:"), written->path});
    table.addRow({tr("Size:"),
                  tr("%1 (%2 bytes)").arg(locale.formattedDataSize(written->bytes), locale.toString(written->bytes))});
    table.addRow({tr("Schema version:"), QString::number(written->schemaVersion)});
    table.addRow({tr("Members:"), locale.toString(written->members)});
    report.text = table.render() + tr("The copy passed its integrity check.") + u'\n';
    return report;
}

}  // namespace loyalty
