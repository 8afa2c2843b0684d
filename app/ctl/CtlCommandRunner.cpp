#include "CtlCommandRunner.h"

#include "CtlOutput.h"
#include "commands/AuditCommand.h"
#include "commands/BackupCommand.h"
#include "commands/BalanceCommand.h"
#include "commands/CheckCommand.h"
#include "commands/DecodeCommand.h"
#include "commands/DemoCommand.h"
#include "commands/ExpireCommand.h"
#include "commands/FeedbackCommand.h"
#include "commands/MembersCommand.h"
#include "commands/OutboxCommand.h"
#include "commands/ProductsCommand.h"
#include "commands/ProgrammeCommand.h"
#include "commands/ProvisionCommand.h"
#include "commands/QuoteCommand.h"
#include "commands/ReceiptCommand.h"
#include "commands/ReturnCommand.h"
#include "commands/SaleCommand.h"
#include "commands/SalesCommand.h"
#include "commands/StaffCommand.h"
#include "commands/SyncCommand.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace loyalty {

CtlCommandRunner::CtlCommandRunner(const Clock& clock, const CtlOutput& output)
    : m_clock(clock)
    , m_output(output)
{
}

CtlExitCode CtlCommandRunner::run(const CtlRequest& request) const
{
    const auto report = execute(request);
    if (!report) {
        m_output.printError(report.error().message);
        return exitCodeFor(report.error());
    }
    m_output.printReport(*report);
    return report->exitCode;
}

Result<CtlReport> CtlCommandRunner::execute(const CtlRequest& request) const
{
    if (request.command == CtlRequest::Command::Decode)
        return executeDecode(request);
    // Every command but demo and provision (the two that make a till) reads or adds to a till that
    // exists; a mistyped --db must not leave an empty database behind. A provisioning that fails
    // leaves the new, empty till for the next attempt.
    const bool makesATill =
        (request.command == CtlRequest::Command::Demo && request.memberCount != CtlRequest::kKeepDemoMembers) ||
        request.command == CtlRequest::Command::Provision;
    const auto mode = makesATill ? Database::OpenMode::CreateIfMissing : Database::OpenMode::MustExist;
    auto database = Database::open(request.databasePath, m_clock, mode);
    if (!database)
        return database.error();
    return executeOn(**database, request);
}

Result<CtlReport> CtlCommandRunner::executeOn(Database& database, const CtlRequest& request) const
{
    // --at evaluates (and for a sale records) at that moment of the till's local time instead of now.
    const FixedClock atClock(request.at.value_or(QDateTime()));
    const Clock& clock = request.at ? static_cast<const Clock&>(atClock) : m_clock;
    switch (request.command) {
    case CtlRequest::Command::Demo:
        return DemoCommand(database, m_clock).run(request.memberCount, request.historyDays);
    case CtlRequest::Command::Members:
        return MembersCommand(database).run(request.limit);
    case CtlRequest::Command::Products:
        return ProductsCommand(database).run(request.limit);
    case CtlRequest::Command::Balance:
        return BalanceCommand(database, m_clock).run(request.card);
    case CtlRequest::Command::Quote:
        return QuoteCommand(database, clock).run(request);
    case CtlRequest::Command::Sale:
        return SaleCommand(database, clock).run(request);
    case CtlRequest::Command::Sales:
        return SalesCommand(database).run(request.limit);
    case CtlRequest::Command::Return:
        return ReturnCommand(database, m_clock).run(request.sale, request.lines);
    case CtlRequest::Command::Expire:
        return ExpireCommand(database, clock).run();
    case CtlRequest::Command::Feedback:
        return FeedbackCommand(database, m_clock).run(request.sale);
    case CtlRequest::Command::ProgrammeLoad:
        return ProgrammeCommand(database, m_clock).load(request.programmeFile);
    case CtlRequest::Command::ProgrammeShow:
        return ProgrammeCommand(database, m_clock).show();
    case CtlRequest::Command::Check:
        return CheckCommand(database).run();
    case CtlRequest::Command::Provision:
        return ProvisionCommand(database, m_clock).run(request);
    case CtlRequest::Command::Sync:
        return SyncCommand(database, m_clock).run(request.timeoutSeconds);
    case CtlRequest::Command::Outbox:
        return OutboxCommand(database).run();
    case CtlRequest::Command::AuditVerify:
        return AuditCommand(database).verify();
    case CtlRequest::Command::AuditList:
        return AuditCommand(database).list(request.limit);
    case CtlRequest::Command::StaffAdd:
        return StaffCommand(database, m_clock)
            .add(request.staffName, staffRoleFromKey(request.staffRole).value_or(StaffRole::Cashier), stdin);
    case CtlRequest::Command::StaffList:
        return StaffCommand(database, m_clock).list();
    case CtlRequest::Command::Backup:
        return BackupCommand(database).run(request.backupPath);
    case CtlRequest::Command::Receipt:
        return ReceiptCommand(database).run(request);
    case CtlRequest::Command::Decode:
    case CtlRequest::Command::Help:
    case CtlRequest::Command::Version:
        break;  // answered by main() before any database is opened
    }
    Q_UNREACHABLE();
    return Error{Error::Code::InvalidInput, QString()};
}

Result<CtlReport> CtlCommandRunner::executeDecode(const CtlRequest& request) const
{
    QString cardPrefix = DecodeCommand::kDefaultCardPrefix;
    // Without a till database (none named, none in the current folder) decode still works, with the
    // defaults of a new till; a database named with --db must exist.
    if (request.databaseGiven || QFileInfo::exists(request.databasePath)) {
        auto database = Database::open(request.databasePath, m_clock, Database::OpenMode::MustExist);
        if (!database)
            return database.error();
        const auto settings = TillSettings::load((*database)->connection());
        if (!settings)
            return settings.error();
        cardPrefix = settings->cardPrefix;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return Error{Error::Code::Storage, DecodeCommand::tr("Cannot read standard input.")};
    auto report = DecodeCommand(cardPrefix).run(input);
    if (!report && !report.error().reason.isEmpty()) {
        // The class first, for scripts; the message for people. Neither holds the input.
        Error classified = report.error();
        classified.message = classified.reason + QStringLiteral(": ") + classified.message;
        return classified;
    }
    return report;
}

}  // namespace loyalty
