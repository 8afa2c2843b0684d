#include "BasketFigure.h"

#include "BenchData.h"
#include "TillOnDisk.h"
#include "account/MemberStandingReader.h"
#include "catalog/ProductRepository.h"
#include "program/ProgrammeEngine.h"
#include "sale/ActiveProgramme.h"
#include "sale/Basket.h"

#include <QElapsedTimer>

namespace loyalty::bench {

QString BasketFigure::name() const
{
    return QStringLiteral("basket_evaluation");
}

QList<FigureResult> BasketFigure::run(BenchData& data)
{
    const QString title = QStringLiteral("basket evaluation, 100 lines, 50 active rules");
    const auto path = data.tillDatabase();
    if (!path)
        return {FigureResult::failed(name(), title, path.error().message)};
    auto till = TillOnDisk::open(*path);
    if (!till)
        return {FigureResult::failed(name(), title, till.error().message)};
    Database& database = (*till)->database();
    const Programme programme = ActiveProgramme::load(database, (*till)->settings());
    const ProgrammeEngine engine(programme);
    const auto products = ProductRepository(database.connection()).list(1000);
    if (!products || products->size() < 100)
        return {FigureResult::failed(name(), title, QStringLiteral("fewer than 100 products"))};
    Basket basket((*till)->settings().currency);
    for (qsizetype i = 0; i < products->size() && basket.lineCount() < 100; ++i)
        basket.add(products->at(i), 1 + i % 3);
    // A member with a year of history: balances, stamps, tier and visits all take part.
    const QDateTime at = QDateTime::currentDateTime();
    MemberStandingReader reader(database.connection());
    const auto standing = reader.read(7, at, programme);
    if (!standing)
        return {FigureResult::failed(name(), title, standing.error().message)};
    EvaluationRequest request;
    request.basket = &basket;
    request.member = *standing;
    request.at = at;
    request.saleUuid = QStringLiteral("00000000-0000-4000-8000-000000000008");
    request.saleOfDay = 7;

    SampleSet samples;
    qsizetype effects = 0;
    const int runs = data.options().iterations() * 2;
    for (int i = 0; i < 100 + runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Evaluation evaluation = engine.evaluate(request);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        effects = evaluation.effects.size();
        if (i >= 100)
            samples.add(ms);
    }
    FigureResult result = FigureResult::of(name(), title, QStringLiteral("ms"), samples);
    result.target = QStringLiteral("p99 <= 0.5 ms");
    result.met = result.p99 <= 0.5;
    result.how = QStringLiteral("ProgrammeEngine::evaluate of a %1-line basket (%2 items) for member 7 (standing "
                                "read once) under the stored programme with %3 rules, %4 effects; %5 runs after "
                                "100 warm-up runs")
                     .arg(basket.lineCount())
                     .arg(basket.itemCount())
                     .arg(programme.rules.size())
                     .arg(effects)
                     .arg(runs);
    return {result};
}

}  // namespace loyalty::bench
