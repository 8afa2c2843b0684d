#pragma once

#include "Figure.h"

namespace loyalty::bench {

// The push of a backlog to head office, once on SQLite and once on PostgreSQL.
class PushFigure final : public Figure
{
public:
    QString name() const override;
    QList<FigureResult> run(BenchData& data) override;

private:
    // `hqDatabaseUsed`: the head-office database it filled, for the floor that follows.
    FigureResult pushTo(BenchData& data, const QString& backend, QString* hqDatabaseUsed);
};

}  // namespace loyalty::bench
