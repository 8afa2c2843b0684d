#include "commands/SyncCommand.h"

#include "CtlTable.h"
#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "sync/SyncSettingKeys.h"
#include "sync/client/OutboxQueue.h"
#include "sync/client/SyncClient.h"
#include "sync/client/SyncEngine.h"

#include <QLocale>

#include <cstdio>

namespace loyalty {

SyncCommand::SyncCommand(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CtlReport> SyncCommand::run(int timeoutSeconds) const
{
    const QSqlDatabase db = m_database.connection();
    const auto endpoint = sync::SyncEndpoint::load(db);
    if (!endpoint)
        return endpoint.error();
    if (!endpoint->hasCredentials()) {
        return Error{Error::Code::NotFound,
                     tr("This till has no credentials for head office; provision it with \"loyalty-ctl provision\"."),
                     QStringLiteral("not_provisioned")};
    }
    sync::SyncClient client(m_clock, *endpoint, timeoutSeconds * 1000);
    sync::SyncEngine engine(db, m_clock, client, sync::SyncEngine::changeApplier(db, m_clock));
    const auto round = engine.runRound([](qint64 pulled, qint64 remaining) {
        // Only a long pull (a snapshot continued) is worth telling while it runs.
        if (remaining > 0) {
            const QString line = tr("sync: %1 changes applied, %2 remaining").arg(pulled).arg(remaining);
            std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
            std::fflush(stderr);
        }
    });
    if (!round)
        return round.error();
    const auto counts = sync::OutboxQueue(db).counts();
    if (!counts)
        return counts.error();
    const auto lastSuccess = SettingsRepository(db).value(sync::kLastSuccessKey);
    if (!lastSuccess)
        return lastSuccess.error();

    CtlReport report;
    report.json = {
        {QStringLiteral("online"), round->reached && !round->refused()},
        {QStringLiteral("pushed"), round->pushed},
        {QStringLiteral("accepted"), round->accepted},
        {QStringLiteral("duplicates"), round->duplicates},
        {QStringLiteral("rejected"), round->rejected},
        {QStringLiteral("pulled"), round->pulled},
        {QStringLiteral("pending"), counts->pending},
        {QStringLiteral("last_success"), lastSuccess->has_value() ? QJsonValue(**lastSuccess) : QJsonValue()}};
    const QLocale locale;
    CtlTable table({{}, {}});
    table.addRow({tr("Pushed:"), tr("%1 (%2 accepted, %3 duplicates, %4 rejected)")
                                     .arg(locale.toString(round->pushed), locale.toString(round->accepted),
                                          locale.toString(round->duplicates), locale.toString(round->rejected))});
    table.addRow({tr("Pulled:"), tr("%1 changes").arg(locale.toString(round->pulled))});
    table.addRow({tr("Waiting:"), tr("%1 records").arg(locale.toString(counts->pending))});
    if (!round->complete) {
        report.exitCode = CtlExitCode::HeadOffice;
        report.json.insert(QStringLiteral("error"), round->error);
        report.json.insert(QStringLiteral("message"), round->message);
        table.addRow({tr("Stopped:"),
                      round->refused() ? tr("head office refuses this till: %1").arg(round->message) : round->message});
    }
    report.text = (round->complete ? tr("Synced with head office.") : tr("The sync did not finish.")) +
                  QLatin1Char('\n') + table.render();
    return report;
}

}  // namespace loyalty
