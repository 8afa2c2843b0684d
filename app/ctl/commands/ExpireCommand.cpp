#include "commands/ExpireCommand.h"

#include "CtlTable.h"
#include "account/ExpiryRun.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/Clock.h"

#include <QLocale>

namespace loyalty {

ExpireCommand::ExpireCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> ExpireCommand::run() const
{
    const auto settings = TillSettings::load(m_database.connection());
    if (!settings)
        return settings.error();
    const QDateTime at = m_clock.now().toLocalTime();
    const Programme programme = ActiveProgramme::load(m_database, *settings);
    const auto members = ExpiryRun(m_database.connection(), settings->tillId).run(at, programme);
    if (!members)
        return members.error();

    CtlReport report;
    report.json = {{QStringLiteral("at"), at.toString(Qt::ISODate)}, {QStringLiteral("members"), *members}};
    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Expired at:"), locale.toString(at, QLocale::ShortFormat)});
    table.addRow({tr("Members with expired points:"), locale.toString(*members)});
    report.text = table.render();
    return report;
}

}  // namespace loyalty
