#include "commands/CheckCommand.h"

#include "CtlTable.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QLocale>

namespace loyalty {

CheckCommand::CheckCommand(const Database& database)
    : m_database(database)
{
}

Result<CtlReport> CheckCommand::run() const
{
    const auto checked = ConsistencyCheck(m_database).run();
    if (!checked)
        return checked.error();
    const ConsistencyCheck::Report& found = *checked;

    CtlReport report;
    report.exitCode = found.problems.isEmpty() ? CtlExitCode::Ok : CtlExitCode::ProblemsFound;
    report.json = {{QStringLiteral("ok"), found.problems.isEmpty()},
                   {QStringLiteral("sales"), found.sales},
                   {QStringLiteral("ledger_entries"), found.ledgerEntries},
                   {QStringLiteral("outbox_events"), found.outboxEvents},
                   {QStringLiteral("problems"), QJsonArray::fromStringList(found.problems)}};

    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Sales:"), locale.toString(found.sales)});
    table.addRow({tr("Ledger entries:"), locale.toString(found.ledgerEntries)});
    table.addRow({tr("Outbox events:"), locale.toString(found.outboxEvents)});
    report.text = table.render();
    if (found.problems.isEmpty()) {
        report.text += tr("No problems found.") + u'\n';
    } else {
        report.text += tr("%n problem(s) found:", nullptr, int(found.problems.size())) + u'\n';
        for (const QString& problem : found.problems)
            report.text += QStringLiteral("- ") + problem + u'\n';
    }
    return report;
}

}  // namespace loyalty
