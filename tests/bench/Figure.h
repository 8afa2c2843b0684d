#pragma once

#include "FigureResult.h"

#include <QList>
#include <QString>

namespace loyalty::bench {

class BenchData;

// One figure of issue 8's table (some give two lines: the fsync probe with the commit, SQLite and
// PostgreSQL for the push). Each measures the real code path and says how.
class Figure
{
public:
    virtual ~Figure() = default;
    // The name --only selects it by.
    virtual QString name() const = 0;
    virtual QList<FigureResult> run(BenchData& data) = 0;
};

}  // namespace loyalty::bench
