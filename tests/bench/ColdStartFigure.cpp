#include "ColdStartFigure.h"

#include "BenchData.h"
#include "ProcStatus.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty::bench {

namespace {

// What the integrity check alone costs on this file: PRAGMA quick_check reads the whole database. The
// till runs it at open only after an unclean shutdown, otherwise in the background after its first paint.
QString quickCheckCost(const QString& path)
{
    const QString connection = QStringLiteral("bench-quick-check");
    QString text;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QElapsedTimer timer;
            timer.start();
            QSqlQuery check(db);
            if (check.exec(QStringLiteral("PRAGMA quick_check")) && check.next())
                text = QStringLiteral("checking at every open (as the till did): PRAGMA quick_check alone takes %1 ms "
                                      "on this %2 MB file, measured by itself right after; the till still runs it "
                                      "at open after an unclean shutdown (a log left beside the file)")
                           .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 0)
                           .arg(double(QFileInfo(path).size()) / 1048576.0, 0, 'f', 0);
            check.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return text;
}

}  // namespace

QString ColdStartFigure::name() const
{
    return QStringLiteral("cold_start");
}

QList<FigureResult> ColdStartFigure::run(BenchData& data)
{
    const QString title =
        QStringLiteral("cold start of loyalty-till to ready-to-scan, %1-member database").arg(data.options().members());
    const QString rssTitle = QStringLiteral("peak RSS of loyalty-till at ready-to-scan");
    const QString till = data.options().binary(QStringLiteral("till"));
    if (!QFile::exists(till))
        return {FigureResult::failed(name(), title, QStringLiteral("%1 is not built").arg(till))};
    const auto path = data.copyOfTill(QStringLiteral("coldstart"));
    if (!path)
        return {FigureResult::failed(name(), title, path.error().message)};
    // A home of its own: no preferences of the user running the bench apply.
    const QString home = data.workPath(QStringLiteral("run/coldstart-home"));
    QDir().mkpath(home);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LOYALTY_TILL_EXIT_WHEN_READY"), QStringLiteral("1"));

    SampleSet times;
    SampleSet peaks;
    const int runs = data.options().tiny ? 2 : 7;
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer timer;
        timer.start();
        process.start(till, {QStringLiteral("--db"), *path, QStringLiteral("--lang"), QStringLiteral("en")});
        if (!process.waitForStarted(30'000))
            return {FigureResult::failed(name(), title, process.errorString())};
        QByteArray out;
        while (!out.contains("ready\n") && process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            out += process.readAllStandardOutput();
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        // The till waits for its stdin to close after "ready", so its peak RSS can be read while it lives.
        const qint64 peak = ProcStatus::kilobytes(process.processId(), QStringLiteral("VmHWM"));
        process.closeWriteChannel();
        if (!process.waitForFinished(30'000))
            process.kill();
        if (!out.contains("ready\n") || peak < 0)
            return {FigureResult::failed(
                name(), title,
                QStringLiteral("loyalty-till never said ready: %1 %2")
                    .arg(QString::fromUtf8(out), QString::fromUtf8(process.readAllStandardError())))};
        times.add(ms);
        peaks.add(double(peak) / 1024.0);
    }
    const QString how =
        QStringLiteral(
            "%1 --db COPY spawned %2 times with LOYALTY_TILL_EXIT_WHEN_READY=1 (offscreen): it prints "
            "\"ready\" once the database is open (after a clean shutdown, as here, its integrity check runs in "
            "the background after the first paint), the shell's first frame is painted, the expiry is "
            "booked and the first page's field has the keyboard focus, then waits for stdin to close; "
            "time from QProcess::start to reading \"ready\"; page cache warm after the first run (the "
            "first run is in the max)")
            .arg(till)
            .arg(runs);
    FigureResult start = FigureResult::of(name(), title, QStringLiteral("ms"), times);
    start.target = QStringLiteral("<= 300 ms");
    start.met = start.p99 <= 300.0;
    start.how = how;
    start.comparison = quickCheckCost(*path);
    FigureResult rss = FigureResult::of(QStringLiteral("cold_start_rss"), rssTitle, QStringLiteral("MB"), peaks);
    rss.target = QStringLiteral("RSS <= 60 MB");
    rss.met = rss.max <= 60.0;
    rss.how = QStringLiteral("VmHWM from /proc/PID/status of the same processes, read after \"ready\"");
    return {start, rss};
}

}  // namespace loyalty::bench
