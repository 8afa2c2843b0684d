#include "ProvisioningFigure.h"

#include "BenchData.h"
#include "BenchHq.h"
#include "BenchTill.h"
#include "ToolRun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

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
    BenchHq hq(hqProgram, hqDatabase, data.workPath(QStringLiteral("run/provisioning")));
    if (!hq.start())
        return {FigureResult::failed(name(), title, hq.error())};
    BenchTill till(options, data.workPath(QStringLiteral("run/provisioned-till.db")));
    qint64 elapsedMs = 0;
    if (const QString problem = till.provision(hqDatabase, hq.url(), 0, &elapsedMs); !problem.isEmpty())
        return {FigureResult::failed(name(), title, problem)};
    SampleSet seconds;
    seconds.add(double(elapsedMs) / 1000.0);
    FigureResult result = FigureResult::of(name(), title, QStringLiteral("s"), seconds);
    result.target = QStringLiteral("<= 30 s");
    result.met = result.max <= 30.0;
    result.how = QStringLiteral("`loyalty-ctl provision --hq URL --code C` of an empty till database against "
                                "loyalty-hq serve (SQLite, demo of %1 members, plain HTTP on loopback): wall time of "
                                "the process, registration and the whole paged snapshot; one measurement")
                     .arg(options.members());
    return {result};
}

}  // namespace loyalty::bench
