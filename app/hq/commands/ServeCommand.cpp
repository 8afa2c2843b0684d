#include "commands/ServeCommand.h"

#include "HeadOffice.h"
#include "HqExitCode.h"
#include "admin/HqExpiry.h"
#include "http/HqServeLoop.h"
#include "http/ServeOptions.h"
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
    const auto served = HqServeLoop::run(office, office.clock(), *options, expire, out, err);
    if (!served) {
        err << served.error().message << Qt::endl;
        return int(exitCodeFor(served.error().code));
    }
    return int(HqExitCode::Ok);
}

}  // namespace loyalty::hq
