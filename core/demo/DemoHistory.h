#pragma once

#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// A past of sales for the demo till, so reports, member histories and the ledger are not empty on
// first look. Every sale goes through the real SaleService (and every return through ReturnService)
// under a FixedClock that steps through the days before `clock`'s today, so ledger, effects and
// outbox are exactly what a till would have written and ConsistencyCheck passes. The same seed,
// demo shop and day count give the same sales, amounts and points (sale uuids are random, as
// always). Needs the demo shop (DemoDataGenerator) in the database first.
class DemoHistory final
{
    Q_DECLARE_TR_FUNCTIONS(DemoHistory)

public:
    struct Options
    {
        int days = 365;
        int minSalesPerDay = 40;
        int maxSalesPerDay = 80;
        int memberSharePercent = 55;  // of sales made with a member card
        // Members 1..N shop here (a branch sees a part of all members); 0: all demo members.
        qint64 memberPool = 3000;
        quint64 seed = 20261201;
    };

    struct Summary
    {
        qint64 days = 0;
        qint64 sales = 0;
        qint64 memberSales = 0;
        qint64 redemptions = 0;  // sales that redeemed points or a reward
        qint64 returns = 0;
        qint64 revenueMinor = 0;  // totals less discounts
        qint64 elapsedMs = 0;
    };

    static constexpr int kMaxDays = 3660;

    DemoHistory(Database& database, const Clock& clock);

    Result<Summary> generate(const Options& options);

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
