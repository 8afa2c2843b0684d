#pragma once

#include "Figure.h"

namespace loyalty::bench {

class BasketFigure final : public Figure
{
public:
    QString name() const override;
    QList<FigureResult> run(BenchData& data) override;
};

}  // namespace loyalty::bench
