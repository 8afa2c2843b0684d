#include "PushFigure.h"

#include "BenchData.h"
#include "BenchHq.h"
#include "BenchTill.h"
#include "PostgresScratch.h"
#include "PushFloor.h"
#include "ToolRun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

namespace loyalty::bench {

QString PushFigure::name() const
{
    return QStringLiteral("push");
}

QList<FigureResult> PushFigure::run(BenchData& data)
{
    // loyalty-ctl sync pushes batches of up to 500 events, each applied in its own transaction.
    constexpr int kEventsPerRequest = 500;
    QString sqliteDatabase;
    const FigureResult sqlite = pushTo(data, QStringLiteral("sqlite"), &sqliteDatabase);
    const FigureResult sqliteFloor =
        sqlite.error.isEmpty()
            ? PushFloor::measure(sqliteDatabase, kEventsPerRequest, false)
            : FigureResult::failed(QStringLiteral("push_floor"), QStringLiteral("floor of the SQLite push"),
                                   QStringLiteral("push_sqlite was not measured"));
    QString postgresDatabase;
    const FigureResult postgres = pushTo(data, QStringLiteral("postgresql"), &postgresDatabase);
    const FigureResult postgresFloor = postgres.error.isEmpty()
                                           ? PushFloor::measure(postgresDatabase, kEventsPerRequest, true)
                                           : FigureResult::failed(QStringLiteral("push_floor_postgresql"),
                                                                  QStringLiteral("floor of the PostgreSQL push"),
                                                                  QStringLiteral("push_postgresql was not measured"));
    return {sqlite, sqliteFloor, postgres, postgresFloor};
}

FigureResult PushFigure::pushTo(BenchData& data, const QString& backend, QString* hqDatabaseUsed)
{
    const BenchOptions& options = data.options();
    const QString figure = QStringLiteral("push_%1").arg(backend);
    const QString title =
        QStringLiteral("sync push of a %1-event backlog to loyalty-hq on loopback (%2)")
            .arg(options.backlogEvents())
            .arg(backend == QLatin1String("sqlite") ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL"));
    QString hqDatabase;
    if (backend == QLatin1String("sqlite")) {
        hqDatabase = data.workPath(QStringLiteral("run/push-hq.db"));
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(hqDatabase + suffix);
    } else {
        if (options.postgresServer.isEmpty())
            return FigureResult::failed(figure, title, QStringLiteral("no PostgreSQL server given (--postgres URL)"));
        QString error;
        hqDatabase = PostgresScratch::createDatabase(options.postgresServer, &error);
        if (hqDatabase.isEmpty())
            return FigureResult::failed(figure, title, error);
    }
    *hqDatabaseUsed = hqDatabase;
    const qint64 members = options.historyMembers();
    const ToolRun demo =
        ToolRun::run(options.binary(QStringLiteral("hq")),
                     {QStringLiteral("--db"), hqDatabase, QStringLiteral("demo"), QStringLiteral("--members"),
                      QString::number(members), QStringLiteral("--json")});
    if (!demo.succeeded())
        return FigureResult::failed(figure, title, QStringLiteral("loyalty-hq demo: %1").arg(demo.describe()));
    BenchHq hq(options.binary(QStringLiteral("hq")), hqDatabase,
               data.workPath(QStringLiteral("run/push-%1").arg(backend)));
    if (!hq.start())
        return FigureResult::failed(figure, title, hq.error());
    BenchTill till(options, data.workPath(QStringLiteral("run/push-till-%1.db").arg(backend)));
    if (const QString problem = till.provision(hqDatabase, hq.url(), members); !problem.isEmpty())
        return FigureResult::failed(figure, title, problem);
    QElapsedTimer making;
    making.start();
    if (const QString problem = till.makeBacklog(options.backlogEvents(), members); !problem.isEmpty())
        return FigureResult::failed(figure, title, problem);
    const double makingSeconds = double(making.elapsed()) / 1000.0;
    QElapsedTimer pushing;
    pushing.start();
    int rounds = 0;
    if (const QString problem = till.pushAll(&rounds); !problem.isEmpty())
        return FigureResult::failed(figure, title, problem);
    const double seconds = double(pushing.nsecsElapsed()) / 1e9;
    SampleSet rate;
    rate.add(double(options.backlogEvents()) / seconds);
    FigureResult result = FigureResult::of(figure, title, QStringLiteral("events/s"), rate);
    result.target = QStringLiteral(">= 20000 events/s");
    result.met = result.median >= 20000.0;
    result.how = QStringLiteral("loyalty-hq serve --plain-http on 127.0.0.1 (%1, demo with %2 members); a till made "
                                "by loyalty-ctl demo + provision; %3 sales sold through SaleSession while offline "
                                "(%4 s, not measured); then `loyalty-ctl sync` rounds (batches of <= 500 events) until "
                                "nothing is pending: %5 round(s) in %6 s, process start-up included; one "
                                "measurement (median = p99 = max)")
                     .arg(backend)
                     .arg(members)
                     .arg(options.backlogEvents())
                     .arg(makingSeconds, 0, 'f', 1)
                     .arg(rounds)
                     .arg(seconds, 0, 'f', 2);
    return result;
}

}  // namespace loyalty::bench
