#include "commands/DemoCommand.h"

#include "CtlTable.h"
#include "demo/DemoCorrections.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoHistory.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QLocale>

namespace loyalty {

DemoCommand::DemoCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> DemoCommand::run(qint64 memberCount, int historyDays) const
{
    QElapsedTimer timer;
    timer.start();
    // A negative count keeps the demo data there is (CtlRequest::kKeepDemoMembers): only the history.
    DemoDataGenerator::Summary generated;
    if (memberCount >= 0) {
        const auto made = DemoDataGenerator(m_database, m_clock).generate(memberCount);
        if (!made)
            return made.error();
        generated = *made;
    }
    const DemoDataGenerator::Summary* summary = memberCount >= 0 ? &generated : nullptr;
    DemoHistory::Options options;
    options.days = historyDays;
    const auto history = DemoHistory(m_database, m_clock).generate(options);
    if (!history)
        return history.error();
    // The corrections belong to the demo with a history: the manager looks after a till in use.
    DemoCorrections::Summary corrections;
    if (historyDays > 0) {
        const auto made = DemoCorrections(m_database, m_clock).generate();
        if (!made)
            return made.error();
        corrections = *made;
    }
    const qint64 elapsedMs = timer.elapsed();

    CtlReport report;
    report.json = {{QStringLiteral("database"), m_database.path()},
                   {QStringLiteral("history_days"), history->days},
                   {QStringLiteral("history_sales"), history->sales},
                   {QStringLiteral("history_member_sales"), history->memberSales},
                   {QStringLiteral("history_redemptions"), history->redemptions},
                   {QStringLiteral("history_returns"), history->returns},
                   {QStringLiteral("history_revenue_minor"), history->revenueMinor},
                   {QStringLiteral("history_elapsed_ms"), history->elapsedMs},
                   {QStringLiteral("corrections"), corrections.corrections},
                   {QStringLiteral("manager"), corrections.managerName},
                   {QStringLiteral("elapsed_ms"), elapsedMs}};
    if (summary) {
        report.json.insert(QStringLiteral("members"), summary->members);
        report.json.insert(QStringLiteral("cards"), summary->cards);
        report.json.insert(QStringLiteral("products"), summary->products);
        report.json.insert(QStringLiteral("programme_id"), summary->programmeId);
        report.json.insert(QStringLiteral("programme_version"), summary->programmeVersion);
        report.json.insert(QStringLiteral("programme_activated"), summary->programmeActivated);
    }

    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Database:"), m_database.path()});
    if (summary) {
        table.addRow({tr("Members:"), locale.toString(summary->members)});
        table.addRow({tr("Cards:"), locale.toString(summary->cards)});
        table.addRow({tr("Products:"), locale.toString(summary->products)});
        table.addRow({tr("Programme:"), tr("%1, version %2").arg(summary->programmeId).arg(summary->programmeVersion)});
    }
    if (history->days > 0) {
        table.addRow(
            {tr("History:"), tr("%1 days, %2 sales (%3 with members), %4 redemptions, %5 returns")
                                 .arg(locale.toString(history->days), locale.toString(history->sales),
                                      locale.toString(history->memberSales), locale.toString(history->redemptions),
                                      locale.toString(history->returns))});
    }
    if (!corrections.managerName.isEmpty()) {
        table.addRow({tr("Corrections:"), locale.toString(corrections.corrections)});
        table.addRow({tr("Manager:"), tr("%1, PIN %2").arg(corrections.managerName, DemoCorrections::kManagerPin)});
    }
    // Elapsed time is the one non-integer shown, and only to people; JSON carries milliseconds.
    table.addRow({tr("Seconds:"), locale.toString(double(elapsedMs) / 1000.0, 'f', 1)});
    report.text = table.render();
    return report;
}

}  // namespace loyalty
