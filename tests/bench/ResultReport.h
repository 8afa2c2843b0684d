#pragma once

#include "FigureResult.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace loyalty::bench {

// The benchmark's output: a plain-text table for people, JSON for scripts, both with the machine's core count.
class ResultReport final
{
public:
    ResultReport(QList<FigureResult> results, bool tiny);

    QString table() const;
    QByteArray json() const;
    bool allMet() const;

private:
    QList<FigureResult> m_results;
    bool m_tiny = false;
};

}  // namespace loyalty::bench
