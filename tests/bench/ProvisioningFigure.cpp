#include "ProvisioningFigure.h"

#include "BenchData.h"
#include "BenchHq.h"
#include "BenchTill.h"
#include "ToolRun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>

#include <algorithm>

namespace loyalty::bench {

QString ProvisioningFigure::name() const
{
    return QStringLiteral("provisioning");
}

QList<FigureResult> ProvisioningFigure::run(BenchData& data)
{
    const BenchOptions& options = data.options();
    const QString title =
        QStringLiteral("provisioning a new till with %1 members from loyalty-hq").arg(options.members());
    const QString hqProgram = options.binary(QStringLiteral("hq"));
    // Head office's demo of the same size, cached like the till's data (`loyalty-hq demo` is deterministic).
    const QString cache = data.workPath(QStringLiteral("cache/hq-m%1-v1.db").arg(options.members()));
    QElapsedTimer timer;
    timer.start();
    if (!QFile::exists(cache)) {
        QDir().mkpath(QFileInfo(cache).absolutePath());
        const QString partial = cache + QStringLiteral(".partial");
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(partial + suffix);
        const ToolRun demo = ToolRun::run(hqProgram, {QStringLiteral("--db"), partial, QStringLiteral("demo"),
                                                      QStringLiteral("--members"), QString::number(options.members()),
                                                      QStringLiteral("--json")});
        if (!demo.succeeded() || !QFile::rename(partial, cache))
            return {FigureResult::failed(name(), title, QStringLiteral("loyalty-hq demo: %1").arg(demo.describe()))};
    }
    const QString hqDatabase = data.workPath(QStringLiteral("run/provisioning-hq.db"));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(hqDatabase + suffix);
    QDir().mkpath(QFileInfo(hqDatabase).absolutePath());
    if (!QFile::copy(cache, hqDatabase))
        return {FigureResult::failed(name(), title, QStringLiteral("cannot copy %1").arg(cache))};
    // Head office publishes its till snapshot before the till is timed (not counted: it is built once
    // and refreshed from the feed, not per till). It is cached beside the head-office cache it was
    // built from, which is only ever copied, so the same snapshot is the same file; a cached
    // snapshot of another till schema is refused by the till and provisioning falls back (the row's
    // `how` says so).
    const QString snapshots = hqDatabase + QStringLiteral(".snapshots");
    QDir(snapshots).removeRecursively();
    const QString cachedSnapshots = cache + QStringLiteral(".snapshots");
    const QString cachedBuildMs = cache + QStringLiteral(".snapshot-build-ms");
    const QString buildTitle =
        QStringLiteral("building head office's till snapshot of %1 members (loyalty-hq snapshot)")
            .arg(options.members());
    FigureResult build;
    QFile buildMsFile(cachedBuildMs);
    if (QFileInfo(cachedSnapshots).isDir() && buildMsFile.open(QIODevice::ReadOnly)) {
        const qint64 buildMs = buildMsFile.readAll().trimmed().toLongLong();
        QDir().mkpath(snapshots);
        bool copied = true;
        for (const QString& file : QDir(cachedSnapshots).entryList(QDir::Files))
            copied = copied && QFile::copy(cachedSnapshots + u'/' + file, snapshots + u'/' + file);
        if (!copied)
            return {FigureResult::failed(name(), title, QStringLiteral("cannot copy %1").arg(cachedSnapshots))};
        SampleSet buildSeconds;
        buildSeconds.add(double(std::max<qint64>(buildMs, 1)) / 1000.0);
        build = FigureResult::of(QStringLiteral("snapshot_build"), buildTitle, QStringLiteral("s"), buildSeconds);
        build.how = QStringLiteral("wall time of `loyalty-hq --db HQ snapshot` when the cached snapshot beside %1 was "
                                   "built (cached: not measured again in this run)")
                        .arg(QFileInfo(cache).fileName());
    } else {
        const ToolRun made = ToolRun::run(
            hqProgram, {QStringLiteral("--db"), hqDatabase, QStringLiteral("snapshot"), QStringLiteral("--json")});
        if (!made.succeeded()) {
            build = FigureResult::failed(QStringLiteral("snapshot_build"), buildTitle,
                                         QStringLiteral("loyalty-hq snapshot: %1").arg(made.describe()));
        } else {
            SampleSet buildSeconds;
            buildSeconds.add(double(std::max<qint64>(made.elapsedMs, 1)) / 1000.0);
            build = FigureResult::of(QStringLiteral("snapshot_build"), buildTitle, QStringLiteral("s"), buildSeconds);
            build.how = QStringLiteral("wall time of `loyalty-hq --db HQ snapshot` on a copy of the head-office demo "
                                       "(SQLite): the feed replayed into a till-shaped file once; one measurement");
            // Into the cache only whole: a folder renamed into place, then the time that marks it done.
            const QString partial = cachedSnapshots + QStringLiteral(".partial");
            QDir(partial).removeRecursively();
            bool cached = QDir().mkpath(partial);
            for (const QString& file : QDir(snapshots).entryList(QDir::Files))
                cached = cached && QFile::copy(snapshots + u'/' + file, partial + u'/' + file);
            QDir(cachedSnapshots).removeRecursively();
            cached = cached && QDir().rename(partial, cachedSnapshots);
            if (cached && buildMsFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
                buildMsFile.write(QByteArray::number(made.elapsedMs) + '\n');
            else
                QDir(partial).removeRecursively();
        }
    }
    if (build.error.isEmpty()) {
        build.target = QStringLiteral("(not counted in provisioning)");
        build.met = true;
    }

    BenchHq hq(hqProgram, hqDatabase, data.workPath(QStringLiteral("run/provisioning")));
    if (!hq.start())
        return {FigureResult::failed(name(), title, hq.error()), build};
    BenchTill till(options, data.workPath(QStringLiteral("run/provisioned-till.db")));
    qint64 elapsedMs = 0;
    QJsonObject report;
    if (const QString problem = till.provision(hqDatabase, hq.url(), 0, &elapsedMs, &report); !problem.isEmpty())
        return {FigureResult::failed(name(), title, problem), build};
    SampleSet seconds;
    seconds.add(double(elapsedMs) / 1000.0);
    FigureResult result = FigureResult::of(name(), title, QStringLiteral("s"), seconds);
    result.target = QStringLiteral("<= 30 s");
    result.met = result.max <= 30.0;
    const QString start =
        report.value(QLatin1String("snapshot_used")).toBool()
            ? QStringLiteral("the snapshot file downloaded, verified (SHA-256, quick_check) and adopted, then the "
                             "feed from its cursor")
            : QStringLiteral("no snapshot (%1): the whole paged feed")
                  .arg(report.value(QLatin1String("snapshot_skipped")).toString());
    result.how = QStringLiteral("`loyalty-ctl provision --hq URL --code C` of an empty till database against "
                                "loyalty-hq serve (SQLite, demo of %1 members, plain HTTP on loopback): wall time of "
                                "the process, registration and %2; one measurement")
                     .arg(options.members())
                     .arg(start);
    return {result, build};
}

}  // namespace loyalty::bench
