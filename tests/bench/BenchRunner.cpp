#include "BenchRunner.h"

#include "BasketFigure.h"
#include "BenchData.h"
#include "CardLookupFigure.h"
#include "ColdStartFigure.h"
#include "CommitFigure.h"
#include "ManyTillsFigure.h"
#include "PanelPaintFigure.h"
#include "ProvisioningFigure.h"
#include "PushFigure.h"
#include "RssGrowthFigure.h"
#include "SearchFigure.h"

#include <QElapsedTimer>

#include <cstdio>
#include <memory>
#include <vector>

namespace loyalty::bench {

namespace {

std::vector<std::unique_ptr<Figure>> allFigures()
{
    std::vector<std::unique_ptr<Figure>> figures;
    figures.push_back(std::make_unique<CardLookupFigure>());
    figures.push_back(std::make_unique<PanelPaintFigure>());
    figures.push_back(std::make_unique<SearchFigure>());
    figures.push_back(std::make_unique<BasketFigure>());
    figures.push_back(std::make_unique<CommitFigure>());
    figures.push_back(std::make_unique<ColdStartFigure>());
    figures.push_back(std::make_unique<RssGrowthFigure>());
    figures.push_back(std::make_unique<PushFigure>());
    figures.push_back(std::make_unique<ProvisioningFigure>());
    figures.push_back(std::make_unique<ManyTillsFigure>());
    return figures;
}

}  // namespace

QStringList BenchRunner::figureNames()
{
    QStringList names;
    for (const auto& figure : allFigures())
        names << figure->name();
    return names;
}

QList<FigureResult> BenchRunner::run(const BenchOptions& options)
{
    QList<FigureResult> results;
    const QStringList known = figureNames();
    for (const QString& wanted : options.only) {
        if (!known.contains(wanted))
            results << FigureResult::failed(wanted, wanted,
                                            QStringLiteral("no such figure; known: %1").arg(known.join(u',')));
    }
    BenchData data(options);
    for (const auto& figure : allFigures()) {
        if (!options.wants(figure->name()))
            continue;
        std::fprintf(stderr, "loyalty-bench: measuring %s\n", qPrintable(figure->name()));
        QElapsedTimer timer;
        timer.start();
        results << figure->run(data);
        std::fprintf(stderr, "loyalty-bench: %s done in %.1f s\n", qPrintable(figure->name()),
                     double(timer.elapsed()) / 1000.0);
    }
    return results;
}

}  // namespace loyalty::bench
