// loyalty-ctl: a command line on the till database for administrators and scripts. This file only
// wires the command line, the output and the commands together; CtlExitCode.h lists the exit codes.
#include "CtlCommandLine.h"
#include "CtlCommandRunner.h"
#include "CtlOutput.h"
#include "CtlShiftedClock.h"
#include "i18n/TranslationLoader.h"
#include "time/LocalTimeZone.h"
#include "time/SystemClock.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    loyalty::LocalTimeZone::pinForThisProcess();  // before any thread: glibc then reads the zone once
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("loyalty-ctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOYALTY_VERSION));
    loyalty::TranslationLoader::install(&application, QString());  // messages in the system's language

    loyalty::CtlCommandLine commandLine;
    const auto request = commandLine.parse(QCoreApplication::arguments());
    const loyalty::CtlOutput output(request && request->json);
    if (!request) {
        output.printError(request.error().message);
        return static_cast<int>(loyalty::CtlExitCode::Usage);
    }
    if (request->command == loyalty::CtlRequest::Command::Help) {
        output.printText(commandLine.helpText());
        return static_cast<int>(loyalty::CtlExitCode::Ok);
    }
    if (request->command == loyalty::CtlRequest::Command::Version) {
        output.printText(QStringLiteral("loyalty-ctl " LOYALTY_VERSION));
        return static_cast<int>(loyalty::CtlExitCode::Ok);
    }

    const loyalty::SystemClock systemClock;
    const loyalty::CtlShiftedClock clock(systemClock, request->clockOffsetSeconds);
    return static_cast<int>(loyalty::CtlCommandRunner(clock, output).run(*request));
}
