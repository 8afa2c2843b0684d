#include "manager/reports/ReportWorker.h"

#include "reports/BranchReport.h"
#include "store/Database.h"

namespace loyalty {

ReportWorker::ReportWorker(QString databasePath, const Clock& clock)
    : m_databasePath(std::move(databasePath))
    , m_clock(clock)
{
}

ReportWorker::~ReportWorker() = default;

void ReportWorker::compute(quint64 request, const ReportPeriod& period)
{
    if (!m_database) {
        auto opened = Database::open(m_databasePath, m_clock, Database::OpenMode::MustExist);
        if (!opened) {
            Q_EMIT failed(request, opened.error().message);
            return;
        }
        m_database = std::move(opened).value();
    }
    const auto figures = BranchReport::computeFor(*m_database, period);
    if (!figures) {
        Q_EMIT failed(request, figures.error().message);
        return;
    }
    Q_EMIT computed(request, *figures);
}

}  // namespace loyalty
