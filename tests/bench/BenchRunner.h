#pragma once

#include "BenchOptions.h"
#include "FigureResult.h"

#include <QList>
#include <QStringList>

namespace loyalty::bench {

// Runs the figures the options select, in the order, and collects their lines.
class BenchRunner final
{
public:
    static QStringList figureNames();
    // Unknown names in options.only are reported as failed lines, never ignored.
    static QList<FigureResult> run(const BenchOptions& options);
};

}  // namespace loyalty::bench
