#include "commands/OutboxCommand.h"

#include "CtlTable.h"
#include "store/Database.h"
#include "sync/client/OutboxQueue.h"

#include <QJsonArray>
#include <QLocale>

namespace loyalty {

OutboxCommand::OutboxCommand(Database& database)
    : m_database(database)
{
}

Result<CtlReport> OutboxCommand::run() const
{
    const sync::OutboxQueue queue(m_database.connection());
    const auto counts = queue.counts();
    if (!counts)
        return counts.error();
    const auto rejected = queue.rejected();
    if (!rejected)
        return rejected.error();

    QJsonArray events;
    for (const auto& event : *rejected) {
        events.append(QJsonObject{{QStringLiteral("id"), event.uuid},
                                  {QStringLiteral("sequence"), event.sequence},
                                  {QStringLiteral("type"), event.type},
                                  {QStringLiteral("reason"), event.reason},
                                  {QStringLiteral("message"), event.message}});
    }
    CtlReport report;
    report.json = {{QStringLiteral("pending"), counts->pending},
                   {QStringLiteral("acknowledged"), counts->acknowledged},
                   {QStringLiteral("rejected"), counts->rejected},
                   {QStringLiteral("rejected_events"), events}};
    const QLocale locale;
    CtlTable summary({{}, {}});
    summary.addRow({tr("Waiting:"), locale.toString(counts->pending)});
    summary.addRow({tr("Confirmed:"), locale.toString(counts->acknowledged)});
    summary.addRow({tr("Rejected:"), locale.toString(counts->rejected)});
    report.text = summary.render();
    if (!rejected->isEmpty()) {
        CtlTable table({{tr("Sequence"), CtlTable::Align::Right}, {tr("Type")}, {tr("Reason")}, {tr("Record")}});
        for (const auto& event : *rejected) {
            table.addRow({locale.toString(event.sequence), event.type,
                          event.message.isEmpty() ? event.reason : tr("%1: %2").arg(event.reason, event.message),
                          event.uuid});
        }
        report.text += QLatin1Char('\n') + table.render();
    }
    return report;
}

}  // namespace loyalty
