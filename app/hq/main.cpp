// loyalty-hq: head office's service and its administration. This file only wires the command line,
// the output and the commands together; HqExitCode.h lists the exit codes.
#include "HqCommandLine.h"
#include "HqCommandRunner.h"
#include "HqOutput.h"
#include "i18n/TranslationLoader.h"
#include "time/LocalTimeZone.h"
#include "time/SystemClock.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    loyalty::LocalTimeZone::pinForThisProcess();  // before any thread: glibc then reads the zone once
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("loyalty-hq"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOYALTY_VERSION));
    loyalty::TranslationLoader::install(&application, QString());  // messages in the system's language

    loyalty::hq::HqCommandLine commandLine;
    const auto request = commandLine.parse(QCoreApplication::arguments());
    const loyalty::hq::HqOutput output(request && request->json);
    if (!request) {
        output.printError(request.error().message);
        return static_cast<int>(loyalty::hq::HqExitCode::Usage);
    }
    if (request->command == loyalty::hq::HqRequest::Command::Help) {
        output.printText(commandLine.helpText());
        return static_cast<int>(loyalty::hq::HqExitCode::Ok);
    }
    if (request->command == loyalty::hq::HqRequest::Command::Version) {
        output.printText(QStringLiteral("loyalty-hq " LOYALTY_VERSION));
        return static_cast<int>(loyalty::hq::HqExitCode::Ok);
    }
    const loyalty::SystemClock clock;
    return static_cast<int>(loyalty::hq::HqCommandRunner(clock, output).run(*request));
}
