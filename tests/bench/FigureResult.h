#pragma once

#include "SampleSet.h"

#include <QString>

namespace loyalty::bench {

// One line of the benchmark's table: what was measured, its spread and whether it meets the target.
struct FigureResult
{
    QString name;   // stable key, e.g. "card_read"
    QString title;  // what the table shows
    QString unit;   // "ms", "MB", "events/s", "x fsync"
    double median = 0;
    double p99 = 0;
    double max = 0;
    qint64 samples = 0;
    QString target;  // as the issue states it, e.g. "p99 <= 1 ms"
    bool met = false;
    QString how;         // how it was measured
    QString comparison;  // the naive approach measured in the same run, when there is one
    QString error;       // set when the figure could not be measured (then met is false)

    static FigureResult of(const QString& name, const QString& title, const QString& unit, const SampleSet& samples)
    {
        FigureResult result;
        result.name = name;
        result.title = title;
        result.unit = unit;
        result.median = samples.median();
        result.p99 = samples.p99();
        result.max = samples.max();
        result.samples = samples.size();
        return result;
    }
    static FigureResult failed(const QString& name, const QString& title, const QString& why)
    {
        FigureResult result;
        result.name = name;
        result.title = title;
        result.error = why;
        return result;
    }
};

}  // namespace loyalty::bench
