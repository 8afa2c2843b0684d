#include "HqCommandRunner.h"

#include "HeadOffice.h"
#include "HqOutput.h"
#include "commands/AuditCommand.h"
#include "commands/BalanceCommand.h"
#include "commands/CardCommand.h"
#include "commands/CardKeyCommand.h"
#include "commands/CertCommand.h"
#include "commands/ConflictsCommand.h"
#include "commands/DemoCommand.h"
#include "commands/ExpireCommand.h"
#include "commands/ImportCommand.h"
#include "commands/ProgrammeCommand.h"
#include "commands/ServeCommand.h"
#include "commands/SnapshotCommand.h"
#include "commands/StatsCommand.h"
#include "commands/TerminalCommand.h"
#include "store/HqDatabase.h"
#include "time/Clock.h"

#include <QTextStream>

#include <cstdio>

namespace loyalty::hq {

namespace {
// The commands that only read (or expire what is there) must not leave an empty database behind
// for a mistyped --db.
bool mayCreate(HqRequest::Command command)
{
    switch (command) {
    case HqRequest::Command::Serve:
    case HqRequest::Command::TerminalAdd:
    case HqRequest::Command::Demo:
    case HqRequest::Command::ProgrammePublish:
    case HqRequest::Command::ImportMembers:
    case HqRequest::Command::CardKeyAdd:
    case HqRequest::Command::CardRevoke:
        return true;
    default:
        return false;
    }
}
}  // namespace

HqCommandRunner::HqCommandRunner(const Clock& clock, const HqOutput& output)
    : m_clock(clock)
    , m_output(output)
{
}

HqExitCode HqCommandRunner::run(const HqRequest& request) const
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (request.command == HqRequest::Command::Cert)
        return static_cast<HqExitCode>(CertCommand::run(request.passThrough, out, err));

    const auto url = HqDatabaseUrl::parse(request.database);
    if (!url) {
        m_output.printError(url.error().message);
        return HqExitCode::Usage;
    }
    auto database = HqDatabase::open(*url, mayCreate(request.command) ? HqDatabase::OpenMode::CreateIfMissing
                                                                      : HqDatabase::OpenMode::MustExist);
    if (!database) {
        m_output.printError(database.error().message);
        return exitCodeFor(database.error().code);
    }
    HeadOffice office(**database, m_clock);
    if (request.command == HqRequest::Command::Serve)
        return static_cast<HqExitCode>(ServeCommand::run(office, request.passThrough, out, err));

    const auto report = execute(office, request);
    if (!report) {
        m_output.printError(report.error().message);
        return exitCodeFor(report.error().code);
    }
    m_output.printReport(*report);
    return report->exitCode;
}

Result<HqReport> HqCommandRunner::execute(HeadOffice& office, const HqRequest& request) const
{
    switch (request.command) {
    case HqRequest::Command::TerminalAdd:
        return TerminalCommand::add(office, request.name);
    case HqRequest::Command::TerminalList:
        return TerminalCommand::list(office);
    case HqRequest::Command::TerminalDisable:
        return TerminalCommand::disable(office, request.tillId);
    case HqRequest::Command::Demo:
        return DemoCommand::run(office, request.memberCount);
    case HqRequest::Command::Balance:
        return BalanceCommand::run(office, request.card);
    case HqRequest::Command::Stats:
        return StatsCommand::run(office);
    case HqRequest::Command::ProgrammePublish:
        return ProgrammeCommand::publish(office, request.file);
    case HqRequest::Command::ImportMembers:
        return ImportCommand::members(office, request.file);
    case HqRequest::Command::Conflicts:
        return ConflictsCommand::run(office);
    case HqRequest::Command::Expire:
        return ExpireCommand::run(office, request.at.value_or(m_clock.now().toLocalTime()));
    case HqRequest::Command::CardKeyAdd:
        return CardKeyCommand::add(office, request.keyId, request.publicKey, request.validFrom, request.validUntil);
    case HqRequest::Command::CardKeyRetire:
        return CardKeyCommand::retire(office, request.keyId, request.validUntil.value_or(QDate()));
    case HqRequest::Command::CardRevoke:
        return CardCommand::revoke(office, request.card, request.reason);
    case HqRequest::Command::AuditVerify:
        return AuditCommand::verify(office, request.tillId);
    case HqRequest::Command::Snapshot:
        return SnapshotCommand::run(office);
    case HqRequest::Command::Serve:
    case HqRequest::Command::Cert:
    case HqRequest::Command::Help:
    case HqRequest::Command::Version:
        break;  // answered before
    }
    Q_UNREACHABLE();
    return Error{Error::Code::InvalidInput, QString()};
}

}  // namespace loyalty::hq
