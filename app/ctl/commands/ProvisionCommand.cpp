#include "commands/ProvisionCommand.h"

#include "CtlTable.h"
#include "store/Database.h"
#include "sync/client/Provisioner.h"

#include <QLocale>
#include <QUrl>

#include <cstdio>

namespace loyalty {

ProvisionCommand::ProvisionCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> ProvisionCommand::run(const CtlRequest& request) const
{
    sync::Provisioner::Request provision;
    provision.hq = QUrl(request.hqUrl, QUrl::StrictMode);
    provision.code = request.provisionCode;
    provision.caFile = request.caFile;
    provision.pin = request.pin;
    provision.allowPlainLoopback = request.allowPlainLoopback;
    provision.tillName = request.tillName;
    provision.timeoutMs = request.timeoutSeconds * 1000;

    const QSqlDatabase db = m_database.connection();
    const Clock& clock = m_clock;
    sync::Provisioner provisioner(
        db, m_clock, [&clock](const QSqlDatabase& target) { return sync::SyncEngine::changeApplier(target, clock); });
    // Progress goes to standard error, so standard output keeps only the result.
    const auto progress = [](qint64 pulled, qint64 remaining) {
        const QString line = tr("provisioning: %1 changes applied, %2 remaining").arg(pulled).arg(remaining);
        std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
        std::fflush(stderr);
    };
    const auto report = provisioner.run(provision, progress);
    if (!report)
        return report.error();
    if (!report->snapshot.complete) {
        return Error{Error::Code::Refused,
                     tr("The snapshot stopped after %1 changes (%2); run the same command again to continue.")
                         .arg(report->changesApplied)
                         .arg(report->snapshot.message.isEmpty() ? report->snapshot.error : report->snapshot.message),
                     QStringLiteral("hq_unreachable")};
    }

    CtlReport result;
    result.json = {{QStringLiteral("till_id"), report->tillId},
                   {QStringLiteral("till_name"), report->tillName},
                   {QStringLiteral("changes_applied"), report->changesApplied},
                   {QStringLiteral("members"), report->members},
                   {QStringLiteral("snapshot_used"), report->snapshotUsed},
                   {QStringLiteral("snapshot_skipped"), report->snapshotSkipped}};
    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Till:"), tr("%1 (%2)").arg(report->tillName, report->tillId)});
    table.addRow({tr("Head office:"), request.hqUrl});
    table.addRow({tr("Changes applied:"), locale.toString(report->changesApplied)});
    table.addRow({tr("Members:"), locale.toString(report->members)});
    // The reason code, not its message: "no_snapshot" is what an administrator searches the docs for.
    table.addRow({tr("Snapshot file:"), report->snapshotUsed ? tr("used") : report->snapshotSkipped});
    result.text = (report->continued ? tr("Provisioning continued; the till is connected to head office.")
                                     : tr("The till is connected to head office.")) +
                  QLatin1Char('\n') + table.render();
    return result;
}

}  // namespace loyalty
