#include "BenchCommandLine.h"

#include "BenchRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <cstdio>

namespace loyalty::bench {

std::optional<BenchOptions> BenchCommandLine::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures issue 8's figures on generated data. Figures: %1")
                                         .arg(BenchRunner::figureNames().join(u',')));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("tiny"), QStringLiteral("A few thousand members and few iterations (tests).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of the table.")});
    parser.addOption(
        {QStringLiteral("only"), QStringLiteral("Only these figures (comma-separated)."), QStringLiteral("names")});
    parser.addOption({QStringLiteral("work"), QStringLiteral("Work directory: data cache and scratch files."),
                      QStringLiteral("dir"), QDir::current().filePath(QStringLiteral("bench-work"))});
    parser.addOption({QStringLiteral("bin"),
                      QStringLiteral("Build tree with app/till, app/ctl, app/hq (default: the "
                                     "one loyalty-bench is in)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("postgres"),
                      QStringLiteral("PostgreSQL server URL for the PostgreSQL push "
                                     "(postgresql://user@host:port/db)."),
                      QStringLiteral("url"), qEnvironmentVariable("LOYALTY_BENCH_POSTGRES")});
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "loyalty-bench: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return std::nullopt;
    }
    BenchOptions options;
    options.tiny = parser.isSet(QStringLiteral("tiny"));
    options.json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("only")))
        options.only = parser.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
    options.workDirectory = QDir(parser.value(QStringLiteral("work"))).absolutePath();
    options.binaryDirectory =
        parser.isSet(QStringLiteral("bin"))
            ? QDir(parser.value(QStringLiteral("bin"))).absolutePath()
            : QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../..")).absolutePath();
    options.postgresServer = parser.value(QStringLiteral("postgres"));
    return options;
}

}  // namespace loyalty::bench
