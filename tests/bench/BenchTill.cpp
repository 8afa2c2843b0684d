#include "BenchTill.h"

#include "BenchData.h"
#include "TillOnDisk.h"
#include "ToolRun.h"
#include "catalog/ProductRepository.h"
#include "sale/SaleSession.h"
#include "time/FixedClock.h"

#include <QFile>
#include <QSqlQuery>

namespace loyalty::bench {

BenchTill::BenchTill(const BenchOptions& options, QString path)
    : m_options(options)
    , m_path(std::move(path))
{
}

QString BenchTill::provision(const QString& hqDatabase, const QString& hqUrl, qint64 demoMembers, qint64* elapsedMs,
                             QJsonObject* report)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(m_path + suffix);
    const QString ctl = m_options.binary(QStringLiteral("ctl"));
    if (demoMembers > 0) {
        const ToolRun demo =
            ToolRun::run(ctl, {QStringLiteral("--db"), m_path, QStringLiteral("demo"), QStringLiteral("--members"),
                               QString::number(demoMembers), QStringLiteral("--json")});
        if (!demo.succeeded())
            return QStringLiteral("loyalty-ctl demo: %1").arg(demo.describe());
    }
    const ToolRun terminal =
        ToolRun::run(m_options.binary(QStringLiteral("hq")),
                     {QStringLiteral("--db"), hqDatabase, QStringLiteral("terminal"), QStringLiteral("add"),
                      QStringLiteral("--name"), QStringLiteral("Bench till"), QStringLiteral("--json")});
    const QString code = terminal.json().value(QLatin1String("code")).toString();
    if (!terminal.succeeded() || code.isEmpty())
        return QStringLiteral("loyalty-hq terminal add: %1").arg(terminal.describe());
    const ToolRun provisioned = ToolRun::run(ctl, {QStringLiteral("--db"), m_path, QStringLiteral("provision"),
                                                   QStringLiteral("--hq"), hqUrl, QStringLiteral("--code"), code,
                                                   QStringLiteral("--allow-plain-loopback"), QStringLiteral("--json")});
    if (elapsedMs)
        *elapsedMs = provisioned.elapsedMs;
    if (report)
        *report = provisioned.json();
    if (!provisioned.succeeded())
        return QStringLiteral("loyalty-ctl provision: %1").arg(provisioned.describe());
    return {};
}

QString BenchTill::makeBacklog(int sales, qint64 members)
{
    auto till = TillOnDisk::open(m_path);
    if (!till)
        return till.error().message;
    QSqlQuery pragma((*till)->database().connection());
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous = OFF")))
        return QStringLiteral("PRAGMA synchronous failed");
    const auto products = ProductRepository((*till)->database().connection()).list(1000);
    if (!products || products->isEmpty())
        return QStringLiteral("the till has no products");
    // Spread over the days of an outage that ends now, about 500 sales a day like a busy till.
    const qint64 outageMs = (sales / 500 + 1) * 86'400'000LL;
    const QDateTime start = QDateTime::currentDateTime().addMSecs(-outageMs);
    FixedClock clock(start);
    SaleSession session((*till)->database(), clock, (*till)->settings());
    for (int sale = 0; sale < sales; ++sale) {
        clock.set(start.addMSecs(outageMs * sale / sales));
        const qint64 member = 1 + sale % members;
        if (session.scan(BenchData::cardOf(member)).kind != ScanOutcome::Kind::MemberAttached)
            return QStringLiteral("card of member %1 refused").arg(member);
        const QString& ean = products->at(qsizetype(sale % products->size())).ean;
        if (session.scan(ean, 1 + sale % 3).kind != ScanOutcome::Kind::ProductAdded)
            return QStringLiteral("product %1 refused").arg(ean);
        if (const auto completed = session.complete(); !completed)
            return completed.error().message;
    }
    return {};
}

QString BenchTill::pushAll(int* rounds)
{
    *rounds = 0;
    qint64 pending = 1;
    while (pending > 0 && *rounds < 100) {
        ++*rounds;
        const ToolRun run =
            ToolRun::run(m_options.binary(QStringLiteral("ctl")),
                         {QStringLiteral("--db"), m_path, QStringLiteral("sync"), QStringLiteral("--timeout"),
                          QStringLiteral("600"), QStringLiteral("--json")});
        if (!run.succeeded())
            return QStringLiteral("loyalty-ctl sync: %1").arg(run.describe());
        pending = run.json().value(QLatin1String("pending")).toInteger(-1);
        if (pending < 0)
            return QStringLiteral("loyalty-ctl sync printed no pending count: %1").arg(run.describe());
    }
    return pending == 0 ? QString() : QStringLiteral("events still pending after %1 rounds").arg(*rounds);
}

}  // namespace loyalty::bench
