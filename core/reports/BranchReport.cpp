#include "reports/BranchReport.h"

#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "store/StoreError.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace loyalty {

namespace {

// The form every table stores instants in; ISO strings of one form compare like the instants.
QString stored(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

Result<Done> run(QSqlQuery& query, const QString& sql, const QVariantList& values)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return StoreError::from(query.lastError());
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(int(i), values[i]);
    if (!query.exec())
        return StoreError::from(query.lastError());
    return Done{};
}

// Members ranked by revenue, highest first; ties by member id so the classes are reproducible.
struct MemberRevenue
{
    qint64 memberId = 0;
    qint64 revenueMinor = 0;
};

}  // namespace

BranchReport::BranchReport(const QSqlDatabase& db, const Programme& programme, QString currency)
    : m_db(db)
    , m_programme(programme)
    , m_currency(std::move(currency))
{
}

int BranchReport::permille(qint64 part, qint64 whole)
{
    if (whole <= 0 || part <= 0)
        return 0;
    return int((part * 1000 + whole / 2) / whole);
}

qint64 BranchReport::average(qint64 sum, qint64 count)
{
    if (count <= 0)
        return 0;
    return sum >= 0 ? (sum + count / 2) / count : -((-sum + count / 2) / count);
}

Result<BranchFigures> BranchReport::compute(const ReportPeriod& period) const
{
    if (!period.isValid())
        return Error{Error::Code::InvalidInput, tr("The report period must end after it starts."),
                     QStringLiteral("period")};
    BranchFigures figures;
    figures.period = period;
    figures.currency = m_currency;
    for (auto part : {&BranchReport::salesTotals, &BranchReport::members, &BranchReport::retention,
                      &BranchReport::points, &BranchReport::rewards, &BranchReport::series, &BranchReport::refunds}) {
        if (auto done = (this->*part)(period, figures); !done)
            return done.error();
    }
    return figures;
}

Result<BranchFigures> BranchReport::computeFor(Database& database, const ReportPeriod& period)
{
    const auto settings = TillSettings::load(database.connection());
    if (!settings)
        return settings.error();
    return BranchReport(database.connection(), ActiveProgramme::load(database, *settings), settings->currency)
        .compute(period);
}

Result<Done> BranchReport::salesTotals(const ReportPeriod& period, BranchFigures& figures) const
{
    QSqlQuery query(m_db);
    auto queryRan =
        run(query,
            QStringLiteral("SELECT member_id IS NOT NULL, count(*), coalesce(sum(total_minor - discount_minor), 0)"
                           " FROM sales WHERE completed_at >= ? AND completed_at < ?"
                           " GROUP BY member_id IS NOT NULL"),
            {stored(period.from), stored(period.to)});
    if (!queryRan)
        return queryRan.error();
    while (query.next()) {
        if (query.value(0).toBool()) {
            figures.memberSales = query.value(1).toLongLong();
            figures.memberRevenueMinor = query.value(2).toLongLong();
        } else {
            figures.otherSales = query.value(1).toLongLong();
            figures.otherRevenueMinor = query.value(2).toLongLong();
        }
    }
    figures.sales = figures.memberSales + figures.otherSales;
    figures.revenueMinor = figures.memberRevenueMinor + figures.otherRevenueMinor;
    figures.memberSharePermille = permille(figures.memberRevenueMinor, figures.revenueMinor);
    figures.averageMemberBasketMinor = average(figures.memberRevenueMinor, figures.memberSales);
    figures.averageOtherBasketMinor = average(figures.otherRevenueMinor, figures.otherSales);
    return Done{};
}

Result<Done> BranchReport::members(const ReportPeriod& period, BranchFigures& figures) const
{
    QSqlQuery query(m_db);
    auto queryRan = run(query,
                        QStringLiteral("SELECT member_id, sum(total_minor - discount_minor) FROM sales"
                                       " WHERE completed_at >= ? AND completed_at < ? AND member_id IS NOT NULL"
                                       " GROUP BY member_id"),
                        {stored(period.from), stored(period.to)});
    if (!queryRan)
        return queryRan.error();
    QList<MemberRevenue> ranked;
    while (query.next())
        ranked.append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    std::sort(ranked.begin(), ranked.end(), [](const MemberRevenue& a, const MemberRevenue& b) {
        return a.revenueMinor != b.revenueMinor ? a.revenueMinor > b.revenueMinor : a.memberId < b.memberId;
    });
    figures.activeMembers = ranked.size();
    figures.purchaseFrequencyPermille = permille(figures.memberSales, figures.activeMembers);

    // A member belongs to A while the revenue of the members ranked above them is still below 80 % of
    // all member revenue, to B below 95 %, else to C: the member who crosses a line still counts to it.
    const qint64 total = figures.memberRevenueMinor;
    qint64 before = 0;
    for (const MemberRevenue& member : ranked) {
        BranchFigures::AbcClass& klass = before * 100 < total * 80   ? figures.classA
                                         : before * 100 < total * 95 ? figures.classB
                                                                     : figures.classC;
        ++klass.members;
        klass.revenueMinor += member.revenueMinor;
        before += member.revenueMinor;
    }
    for (BranchFigures::AbcClass* klass : {&figures.classA, &figures.classB, &figures.classC})
        klass->revenueSharePermille = permille(klass->revenueMinor, total);
    return Done{};
}

Result<Done> BranchReport::retention(const ReportPeriod& period, BranchFigures& figures) const
{
    if (!period.compareFrom.isValid() || !period.compareTo.isValid() || period.compareFrom >= period.compareTo)
        return Done{};
    // Each member of the comparison period is looked up once in this one through sales_member_time.
    QSqlQuery query(m_db);
    auto queryRan = run(query,
                        QStringLiteral("SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM sales AS later"
                                       "   WHERE later.member_id = earlier.member_id"
                                       "   AND later.completed_at >= ? AND later.completed_at < ?)), 0)"
                                       " FROM (SELECT DISTINCT member_id FROM sales"
                                       "   WHERE completed_at >= ? AND completed_at < ? AND member_id IS NOT NULL)"
                                       "   AS earlier"),
                        {stored(period.from), stored(period.to), stored(period.compareFrom), stored(period.compareTo)});
    if (!queryRan)
        return queryRan.error();
    if (query.next()) {
        figures.comparisonActiveMembers = query.value(0).toLongLong();
        figures.retainedMembers = query.value(1).toLongLong();
    }
    figures.retentionPermille = permille(figures.retainedMembers, figures.comparisonActiveMembers);
    return Done{};
}

Result<Done> BranchReport::points(const ReportPeriod& period, BranchFigures& figures) const
{
    // What the period's sales booked on points accounts (returns' reversals excluded: they belong to
    // the return, not to the sale), found through ledger_entries_sale.
    QSqlQuery booked(m_db);
    auto bookedRan = run(booked,
                         QStringLiteral("SELECT coalesce(sum(CASE WHEN l.points > 0 THEN l.points END), 0),"
                                        " coalesce(sum(CASE WHEN l.points < 0 THEN -l.points END), 0)"
                                        " FROM sales AS s JOIN ledger_entries AS l ON l.sale_id = s.id"
                                        " WHERE s.completed_at >= ? AND s.completed_at < ?"
                                        " AND l.account = 'points' AND l.return_id IS NULL"),
                         {stored(period.from), stored(period.to)});
    if (!bookedRan)
        return bookedRan.error();
    if (booked.next()) {
        figures.pointsIssued = booked.value(0).toLongLong();
        figures.pointsRedeemed = booked.value(1).toLongLong();
    }
    // Expiry entries belong to no sale. This reads the ledger without an index on created_at (an
    // index ledger_entries (kind, created_at) would make it a range scan); it is one pass.
    QSqlQuery expired(m_db);
    auto expiredRan = run(expired,
                          QStringLiteral("SELECT coalesce(-sum(points), 0) FROM ledger_entries"
                                         " WHERE kind = 'expire' AND account = 'points'"
                                         " AND created_at >= ? AND created_at < ?"),
                          {stored(period.from), stored(period.to)});
    if (!expiredRan)
        return expiredRan.error();
    if (expired.next())
        figures.pointsExpired = expired.value(0).toLongLong();

    QSqlQuery outstanding(m_db);
    auto outstandingRan =
        run(outstanding, QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE account = 'points'"),
            {});
    if (!outstandingRan)
        return outstandingRan.error();
    if (outstanding.next())
        figures.pointsOutstanding = outstanding.value(0).toLongLong();
    // Only whole redemption steps can be redeemed, so the liability is what those steps are worth.
    const RedemptionPolicy& policy = m_programme.redemption;
    if (policy.pointsPerStep > 0 && figures.pointsOutstanding > 0)
        figures.liabilityMinor = figures.pointsOutstanding / policy.pointsPerStep * policy.valueMinorPerStep;
    return Done{};
}

QString BranchReport::rewardName(const QString& ruleId) const
{
    if (ruleId == QStringLiteral("redeem.points"))
        return tr("Points as money off");
    for (const RewardDefinition& reward : m_programme.rewards) {
        if (reward.id == ruleId || QStringLiteral("reward.") + reward.id == ruleId)
            return reward.name;
    }
    for (const StampCardDefinition& card : m_programme.stampCards) {
        if (ruleId == QStringLiteral("stamps.") + card.id + QStringLiteral(".reward"))
            return tr("%1 (full card)").arg(card.name);
    }
    return ruleId;
}

Result<Done> BranchReport::rewards(const ReportPeriod& period, BranchFigures& figures) const
{
    QSqlQuery query(m_db);
    auto queryRan = run(query,
                        QStringLiteral("SELECT e.rule_id, count(*), sum(e.amount) FROM sales AS s"
                                       " JOIN sale_effects AS e ON e.sale_id = s.id"
                                       " WHERE s.completed_at >= ? AND s.completed_at < ?"
                                       " AND e.kind IN ('points_redeemed', 'stamps_redeemed')"
                                       " GROUP BY e.rule_id ORDER BY count(*) DESC, e.rule_id LIMIT ?"),
                        {stored(period.from), stored(period.to), kTopRewards});
    if (!queryRan)
        return queryRan.error();
    while (query.next()) {
        const QString ruleId = query.value(0).toString();
        figures.topRewards.append(
            {ruleId, rewardName(ruleId), query.value(1).toLongLong(), query.value(2).toLongLong()});
    }
    return Done{};
}

Result<Done> BranchReport::series(const ReportPeriod& period, BranchFigures& figures) const
{
    figures.weekly = period.dayCount() > kDailySeriesUpToDays;
    QSqlQuery bucket(m_db);
    bucket.setForwardOnly(true);
    if (!bucket.prepare(QStringLiteral("SELECT member_id IS NOT NULL, count(*), sum(total_minor - discount_minor)"
                                       " FROM sales WHERE completed_at >= ? AND completed_at < ?"
                                       " GROUP BY member_id IS NOT NULL")))
        return StoreError::from(bucket.lastError());
    // Buckets start at local midnights (weeks on Mondays), so they follow the branch's days across
    // daylight-saving changes; the first and last are cut to the period.
    QDate day = period.from.date();
    if (figures.weekly)
        day = day.addDays(1 - day.dayOfWeek());
    while (day.startOfDay() < period.to) {
        const QDate next = day.addDays(figures.weekly ? 7 : 1);
        BranchFigures::RevenueBucket point;
        point.start = std::max(day, period.from.date());  // a week cut by the period starts with it
        const QDateTime from = std::max(day.startOfDay(), period.from);
        const QDateTime to = std::min(next.startOfDay(), period.to);
        bucket.bindValue(0, stored(from));
        bucket.bindValue(1, stored(to));
        if (!bucket.exec())
            return StoreError::from(bucket.lastError());
        while (bucket.next()) {
            if (bucket.value(0).toBool()) {
                point.memberSales = bucket.value(1).toLongLong();
                point.memberRevenueMinor = bucket.value(2).toLongLong();
            } else {
                point.otherSales = bucket.value(1).toLongLong();
                point.otherRevenueMinor = bucket.value(2).toLongLong();
            }
        }
        bucket.finish();
        figures.series.append(point);
        day = next;
    }
    return Done{};
}

Result<Done> BranchReport::refunds(const ReportPeriod& period, BranchFigures& figures) const
{
    // sale_returns has no index on created_at; returns are few next to sales.
    QSqlQuery query(m_db);
    auto queryRan = run(query,
                        QStringLiteral("SELECT count(*), coalesce(sum(refund_minor), 0) FROM sale_returns"
                                       " WHERE created_at >= ? AND created_at < ?"),
                        {stored(period.from), stored(period.to)});
    if (!queryRan)
        return queryRan.error();
    if (query.next()) {
        figures.refunds = query.value(0).toLongLong();
        figures.refundedMinor = query.value(1).toLongLong();
    }
    return Done{};
}

}  // namespace loyalty
