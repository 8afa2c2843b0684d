#pragma once

#include "Figure.h"

namespace loyalty::bench {

// Head office under many tills pushing at the same moment: each simulated till is registered with a
// real provisioning code, signs its own requests (SyncClient) and pushes real sale events.
class ManyTillsFigure final : public Figure
{
public:
    QString name() const override;
    QList<FigureResult> run(BenchData& data) override;
};

}  // namespace loyalty::bench
