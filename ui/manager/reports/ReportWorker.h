#pragma once

#include "reports/BranchFigures.h"

#include <QObject>

#include <memory>

namespace loyalty {

class Clock;
class Database;

// Computes branch reports on the thread it lives in, with a database connection of its own that it
// opens on the first request and keeps, so the screen never waits for the queries.
class ReportWorker final : public QObject
{
    Q_OBJECT

public:
    ReportWorker(QString databasePath, const Clock& clock);
    ~ReportWorker() override;
    Q_DISABLE_COPY_MOVE(ReportWorker)

    // Runs on the worker's thread; answers with computed() or failed() carrying the same request.
    void compute(quint64 request, const ReportPeriod& period);

Q_SIGNALS:
    void computed(quint64 request, const loyalty::BranchFigures& figures);
    void failed(quint64 request, const QString& message);

private:
    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Database> m_database;
};

}  // namespace loyalty
