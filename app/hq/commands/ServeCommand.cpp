#include "commands/ServeCommand.h"

#include "HeadOffice.h"
#include "HqExitCode.h"
#include "admin/HqExpiry.h"
#include "http/HqServeLoop.h"
#include "http/ServeOptions.h"
#include "store/HqDatabase.h"
#include "time/Clock.h"

#include <QTextStream>

namespace loyalty::hq {

int ServeCommand::run(HeadOffice& office, const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const auto options = ServeOptions::parse(arguments);
    if (!options) {
        err << options.error().message << Qt::endl;
        return int(HqExitCode::Usage);  // plain HTTP off loopback included: the command line is what is wrong
    }
    // Provisioned tills leave points expiry to head office: at start and every hour after.
    const auto expire = [&office, &err] {
        const auto summary = HqExpiry(office.database()).run(office.clock().now().toLocalTime());
        if (!summary)
            err << tr("Points expiry failed: %1").arg(summary.error().message) << Qt::endl;
        else if (summary->entries > 0)
            err << tr("Points expiry for %1: %2 members, %3 entries, %4 points.")
                       .arg(summary->day.toString(Qt::ISODate))
                       .arg(summary->members)
                       .arg(summary->entries)
                       .arg(summary->points)
                << Qt::endl;
    };
    // Requests are worked on off the HTTP thread, each worker on its own connection: SQLite takes one
    // writer at a time, so one worker; PostgreSQL writes concurrently, so a few (this is a 2-core box's
    // worth; more only wait on each other's row locks).
    const HqDatabaseUrl url = office.database().url();
    const Clock& clock = office.clock();
    const int workers = url.backend == HqDatabaseUrl::Backend::Postgresql ? 3 : 1;
    const HqWorkerPool::OfficeFactory factory = [url, &clock]() -> Result<std::unique_ptr<HeadOfficeApi>> {
        auto opened = HeadOffice::open(url, clock);
        if (!opened)
            return opened.error();
        return std::unique_ptr<HeadOfficeApi>(std::move(opened.value()));
    };
    const auto served = HqServeLoop::run(office, factory, workers, clock, *options, expire, out, err);
    if (!served) {
        err << served.error().message << Qt::endl;
        return int(exitCodeFor(served.error().code));
    }
    return int(HqExitCode::Ok);
}

}  // namespace loyalty::hq
