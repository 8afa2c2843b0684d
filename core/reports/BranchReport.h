#pragma once

#include "common/Result.h"
#include "program/model/Programme.h"
#include "reports/BranchFigures.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

class Database;

// Computes a branch's figures for a period from the till database with indexed queries only
// (sales_completed_at, sales_member_time, ledger_entries_sale, the sale_effects key), so a year of
// 500 sales a day takes well under a second. Synchronous: screens run it on a worker thread with
// a connection of their own. The programme gives the points' money value and the rewards' names.
class BranchReport final
{
    Q_DECLARE_TR_FUNCTIONS(BranchReport)

public:
    static constexpr int kTopRewards = 8;
    // Longer periods get a bucket per week in the series instead of one per day.
    static constexpr qint64 kDailySeriesUpToDays = 62;

    BranchReport(const QSqlDatabase& db, const Programme& programme, QString currency);

    Result<BranchFigures> compute(const ReportPeriod& period) const;
    // The till's own report: its currency and the programme it sells under now.
    static Result<BranchFigures> computeFor(Database& database, const ReportPeriod& period);

    // round_half_up(part × 1000 / whole) for non-negative numbers; 0 when whole is 0.
    static int permille(qint64 part, qint64 whole);
    // round_half_up(sum / count); 0 when count is 0.
    static qint64 average(qint64 sum, qint64 count);

private:
    Result<Done> salesTotals(const ReportPeriod& period, BranchFigures& figures) const;
    Result<Done> members(const ReportPeriod& period, BranchFigures& figures) const;
    Result<Done> retention(const ReportPeriod& period, BranchFigures& figures) const;
    Result<Done> points(const ReportPeriod& period, BranchFigures& figures) const;
    Result<Done> rewards(const ReportPeriod& period, BranchFigures& figures) const;
    Result<Done> series(const ReportPeriod& period, BranchFigures& figures) const;
    Result<Done> refunds(const ReportPeriod& period, BranchFigures& figures) const;
    QString rewardName(const QString& ruleId) const;

    QSqlDatabase m_db;
    Programme m_programme;
    QString m_currency;
};

}  // namespace loyalty
