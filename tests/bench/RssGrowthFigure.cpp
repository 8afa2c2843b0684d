#include "RssGrowthFigure.h"

#include "BenchData.h"
#include "ProcStatus.h"
#include "TillOnDisk.h"
#include "catalog/ProductRepository.h"
#include "sale/SaleSession.h"

#include <QSqlQuery>

#include <random>

namespace loyalty::bench {

QString RssGrowthFigure::name() const
{
    return QStringLiteral("rss_growth");
}

QList<FigureResult> RssGrowthFigure::run(BenchData& data)
{
    const QString title = QStringLiteral("RSS growth over %1 sales in one process").arg(data.options().rssSales());
    const auto path = data.copyOfTill(QStringLiteral("rss"));
    if (!path)
        return {FigureResult::failed(name(), title, path.error().message)};
    auto till = TillOnDisk::open(*path);
    if (!till)
        return {FigureResult::failed(name(), title, till.error().message)};
    const QSqlDatabase db = (*till)->database().connection();
    // Memory does not depend on durability; without an fsync per sale 10,000 sales take seconds, not minutes.
    QSqlQuery pragma(db);
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous = OFF")))
        return {FigureResult::failed(name(), title, QStringLiteral("PRAGMA synchronous failed"))};
    const auto products = ProductRepository(db).list(1000);
    if (!products || products->isEmpty())
        return {FigureResult::failed(name(), title, QStringLiteral("no products"))};
    SaleSession session((*till)->database(), (*till)->clock(), (*till)->settings());
    std::mt19937_64 random(8004);
    auto sell = [&](int sales) -> QString {
        for (int i = 0; i < sales; ++i) {
            const qint64 member = 1 + qint64(random() % quint64(data.options().members()));
            if (session.scan(BenchData::cardOf(member), 1, CardSource::KeyboardWedge).kind !=
                ScanOutcome::Kind::MemberAttached)
                return QStringLiteral("member %1 not attached").arg(member);
            const int lines = 1 + int(random() % 8);
            for (int line = 0; line < lines; ++line) {
                const QString& ean = products->at(qsizetype(random() % quint64(products->size()))).ean;
                if (session.scan(ean).kind != ScanOutcome::Kind::ProductAdded)
                    return QStringLiteral("product %1 refused").arg(ean);
            }
            if (const auto completed = session.complete(); !completed)
                return completed.error().message;
        }
        return {};
    };
    const int warmUp = data.options().tiny ? 50 : 1000;
    if (const QString problem = sell(warmUp); !problem.isEmpty())
        return {FigureResult::failed(name(), title, problem)};
    const qint64 before = ProcStatus::kilobytes(0, QStringLiteral("VmRSS"));
    if (const QString problem = sell(data.options().rssSales()); !problem.isEmpty())
        return {FigureResult::failed(name(), title, problem)};
    const qint64 after = ProcStatus::kilobytes(0, QStringLiteral("VmRSS"));
    SampleSet growth;
    growth.add(double(after - before) / 1024.0);
    FigureResult result = FigureResult::of(name(), title, QStringLiteral("MB"), growth);
    result.target = QStringLiteral("growth <= 5 MB");
    result.met = result.max <= 5.0;
    result.how = QStringLiteral("VmRSS of the bench process before and after %1 sales (random member of all, 1-8 "
                                "random products, SaleSession::complete) in one SaleSession on a copy, after %2 "
                                "warm-up sales; synchronous=OFF on this connection only; RSS %3 -> %4 MB; one "
                                "measurement (median = p99 = max)")
                     .arg(data.options().rssSales())
                     .arg(warmUp)
                     .arg(double(before) / 1024.0, 0, 'f', 1)
                     .arg(double(after) / 1024.0, 0, 'f', 1);
    return {result};
}

}  // namespace loyalty::bench
