// loyalty-bench: issue 8's performance figures (tests/bench, library loyalty_bench). Only wires.
#include "BenchCommandLine.h"
#include "BenchRunner.h"
#include "ResultReport.h"
#include "time/LocalTimeZone.h"

#include <QApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    loyalty::LocalTimeZone::pinForThisProcess();  // before any thread: glibc then reads the zone once
    // The scan-to-paint figure drives the real sale window; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("loyalty-bench"));
    const auto options = loyalty::bench::BenchCommandLine::parse(QCoreApplication::arguments());
    if (!options)
        return 2;
    const loyalty::bench::ResultReport report(loyalty::bench::BenchRunner::run(*options), options->tiny);
    if (options->json)
        std::fwrite(report.json().constData(), 1, size_t(report.json().size()), stdout);
    else
        std::printf("%s", qPrintable(report.table()));
    return report.allMet() ? 0 : 1;
}
