// Every figure of the branch report on a generated till (demo shop and a history sold through
// SaleService) against a recomputation in C++ from the raw rows: instants parsed and compared as
// QDateTime (the report compares stored strings in SQL), members ranked and classed here,
// retention as a set intersection, the points outstanding from LedgerRepository's balances.
#include "ReportTestData.h"
#include "ledger/LedgerRepository.h"
#include "reports/BranchReport.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "store/Transaction.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <map>

using namespace loyalty;
using namespace loyalty::test;

namespace {

struct SaleRow
{
    qint64 id = 0;
    qint64 memberId = 0;  // 0: without member
    qint64 paid = 0;
    QDateTime at;
};

struct LedgerRow
{
    qint64 saleId = 0;
    bool returned = false;
    QString account;
    QString kind;
    qint64 points = 0;
    QDateTime at;
};

struct EffectRow
{
    qint64 saleId = 0;
    QString ruleId;
    QString kind;
    qint64 amount = 0;
};

QDateTime instant(const QVariant& stored)
{
    return QDateTime::fromString(stored.toString(), Qt::ISODateWithMs);
}

bool in(const QDateTime& at, const QDateTime& from, const QDateTime& to)
{
    return from <= at && at < to;
}

qint64 roundedDiv(qint64 a, qint64 b)
{
    return b == 0 ? 0 : (a * 2 + b) / (2 * b);  // half up, for non-negative a
}

}  // namespace

class TestBranchReport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void figuresMatchTheRawRows_data();
    void figuresMatchTheRawRows();
    void periodIsHalfOpen();
    void emptyPeriodGivesZeros();
    void invalidPeriodIsRefused();
    void presets_data();
    void presets();
    void rounding_data();
    void rounding();

private:
    void loadRows();
    BranchFigures compute(const ReportPeriod& period);

    ReportTestTill m_till;
    QList<SaleRow> m_sales;
    QList<LedgerRow> m_ledger;
    QList<EffectRow> m_effects;
    QList<std::pair<QDateTime, qint64>> m_returns;
    QHash<qint64, QDateTime> m_saleTime;
};

void TestBranchReport::initTestCase()
{
    DemoHistory::Options options;
    options.days = 70;
    options.minSalesPerDay = 15;
    options.maxSalesPerDay = 25;
    options.memberPool = 80;
    QVERIFY(m_till.build(300, options));
    QVERIFY(m_till.history.sales > 1000);

    // Expiry entries (the demo programme's points last until the end of the following year, so the
    // history has none): two inside the last 30 days, one long before.
    const QDate today = m_till.clock.now().toLocalTime().date();
    LedgerRepository ledger(m_till.database->connection());
    Transaction transaction(m_till.database->connection());
    QVERIFY(transaction.begin().ok());
    const QList<std::pair<qint64, QDateTime>> expiries{{1, QDateTime(today.addDays(-3), QTime(0, 30))},
                                                       {2, QDateTime(today.addDays(-10), QTime(23, 59))},
                                                       {1, QDateTime(today.addDays(-60), QTime(1, 0))}};
    for (const auto& [memberId, at] : expiries) {
        const auto balance = ledger.balance(memberId);
        QVERIFY(balance.ok());
        QVERIFY2(*balance >= 7, "members 1 and 2 are regulars with points");
        LedgerEntry entry;
        entry.memberId = memberId;
        entry.kind = QStringLiteral("expire");
        entry.points = -7;
        entry.reason = QStringLiteral("test.expire");
        entry.createdAt = at.toUTC().toString(Qt::ISODateWithMs);
        QVERIFY(ledger.append(entry).ok());
    }
    QVERIFY(transaction.commit().ok());
    loadRows();
}

void TestBranchReport::loadRows()
{
    QSqlQuery query(m_till.database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT id, member_id, total_minor, discount_minor, completed_at FROM sales")));
    while (query.next()) {
        SaleRow row{query.value(0).toLongLong(), query.value(1).toLongLong(),
                    query.value(2).toLongLong() - query.value(3).toLongLong(), instant(query.value(4))};
        QVERIFY(row.at.isValid());
        m_saleTime.insert(row.id, row.at);
        m_sales.append(row);
    }
    QVERIFY(query.exec(QStringLiteral("SELECT coalesce(sale_id, 0), return_id IS NOT NULL, account, kind, points,"
                                      " created_at FROM ledger_entries")));
    while (query.next())
        m_ledger.append({query.value(0).toLongLong(), query.value(1).toBool(), query.value(2).toString(),
                         query.value(3).toString(), query.value(4).toLongLong(), instant(query.value(5))});
    QVERIFY(query.exec(QStringLiteral("SELECT sale_id, rule_id, kind, amount FROM sale_effects")));
    while (query.next())
        m_effects.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toLongLong()});
    QVERIFY(query.exec(QStringLiteral("SELECT created_at, refund_minor FROM sale_returns")));
    while (query.next())
        m_returns.append({instant(query.value(0)), query.value(1).toLongLong()});
    QVERIFY(!m_returns.isEmpty());
}

BranchFigures TestBranchReport::compute(const ReportPeriod& period)
{
    const auto figures = BranchReport::computeFor(*m_till.database, period);
    if (!figures)
        qWarning("report: %s", qPrintable(figures.error().message));
    return figures ? *figures : BranchFigures{};
}

void TestBranchReport::figuresMatchTheRawRows_data()
{
    QTest::addColumn<int>("firstDayBack");
    QTest::addColumn<int>("lastDayBack");
    QTest::newRow("whole history, weekly") << 70 << 1;
    QTest::newRow("last 30 days, daily") << 30 << 1;
    QTest::newRow("one week") << 20 << 14;
    QTest::newRow("one day") << 5 << 5;
    QTest::newRow("including today without sales") << 3 << 0;
}

void TestBranchReport::figuresMatchTheRawRows()
{
    QFETCH(int, firstDayBack);
    QFETCH(int, lastDayBack);
    const QDate today = m_till.clock.now().toLocalTime().date();
    const ReportPeriod period = ReportPeriod::days(today.addDays(-firstDayBack), today.addDays(-lastDayBack));
    const BranchFigures f = compute(period);
    QVERIFY(f.sales > 0);

    // Sales and revenue.
    qint64 memberSales = 0, otherSales = 0, memberRevenue = 0, otherRevenue = 0;
    std::map<qint64, qint64> revenueByMember;
    QSet<qint64> now, before;
    for (const SaleRow& sale : std::as_const(m_sales)) {
        if (in(sale.at, period.compareFrom, period.compareTo) && sale.memberId)
            before.insert(sale.memberId);
        if (!in(sale.at, period.from, period.to))
            continue;
        if (sale.memberId) {
            ++memberSales;
            memberRevenue += sale.paid;
            revenueByMember[sale.memberId] += sale.paid;
            now.insert(sale.memberId);
        } else {
            ++otherSales;
            otherRevenue += sale.paid;
        }
    }
    QCOMPARE(f.memberSales, memberSales);
    QCOMPARE(f.otherSales, otherSales);
    QCOMPARE(f.sales, memberSales + otherSales);
    QCOMPARE(f.memberRevenueMinor, memberRevenue);
    QCOMPARE(f.otherRevenueMinor, otherRevenue);
    QCOMPARE(f.revenueMinor, memberRevenue + otherRevenue);
    QCOMPARE(qint64(f.memberSharePermille), roundedDiv(memberRevenue * 1000, memberRevenue + otherRevenue));
    QCOMPARE(f.averageMemberBasketMinor, roundedDiv(memberRevenue, memberSales));
    QCOMPARE(f.averageOtherBasketMinor, roundedDiv(otherRevenue, otherSales));
    QCOMPARE(f.currency, QStringLiteral("EUR"));

    // Members: activity, frequency, retention.
    QCOMPARE(f.activeMembers, qint64(now.size()));
    QCOMPARE(qint64(f.purchaseFrequencyPermille), roundedDiv(memberSales * 1000, qint64(now.size())));
    QCOMPARE(f.comparisonActiveMembers, qint64(before.size()));
    const QSet<qint64> retained = QSet<qint64>(now).intersect(before);
    QCOMPARE(f.retainedMembers, qint64(retained.size()));
    QCOMPARE(qint64(f.retentionPermille), roundedDiv(qint64(retained.size()) * 1000, qint64(before.size())));
    if (firstDayBack == 30 || firstDayBack == 20)  // the comparison period lies inside the history
        QVERIFY(f.retainedMembers > 0);

    // ABC: rank by revenue; a member's class is decided by the share of the members above it.
    std::vector<std::pair<qint64, qint64>> ranked(revenueByMember.begin(), revenueByMember.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    qint64 members[3] = {0, 0, 0};
    qint64 revenue[3] = {0, 0, 0};
    qint64 above = 0;
    for (const auto& [memberId, paid] : ranked) {
        Q_UNUSED(memberId)
        const int klass = above * 10 < memberRevenue * 8 ? 0 : above * 20 < memberRevenue * 19 ? 1 : 2;
        ++members[klass];
        revenue[klass] += paid;
        above += paid;
    }
    QCOMPARE(f.classA.members, members[0]);
    QCOMPARE(f.classB.members, members[1]);
    QCOMPARE(f.classC.members, members[2]);
    QCOMPARE(f.classA.revenueMinor, revenue[0]);
    QCOMPARE(f.classB.revenueMinor, revenue[1]);
    QCOMPARE(f.classC.revenueMinor, revenue[2]);
    QCOMPARE(f.classA.members + f.classB.members + f.classC.members, f.activeMembers);
    QCOMPARE(qint64(f.classA.revenueSharePermille), roundedDiv(revenue[0] * 1000, memberRevenue));
    QVERIFY(f.classA.revenueSharePermille >= 800);
    if (f.activeMembers > 10)
        QVERIFY2(f.classA.members < f.activeMembers, "the regulars make most of the revenue");

    // Points.
    qint64 issued = 0, redeemed = 0, expired = 0;
    for (const LedgerRow& entry : std::as_const(m_ledger)) {
        if (entry.account != QStringLiteral("points"))
            continue;
        if (entry.kind == QStringLiteral("expire") && in(entry.at, period.from, period.to))
            expired -= entry.points;
        if (!entry.saleId || entry.returned || !in(m_saleTime.value(entry.saleId), period.from, period.to))
            continue;
        (entry.points > 0 ? issued : redeemed) += std::abs(entry.points);
    }
    QCOMPARE(f.pointsIssued, issued);
    QCOMPARE(f.pointsRedeemed, redeemed);
    QCOMPARE(f.pointsExpired, expired);
    QVERIFY(issued > 0);
    if (firstDayBack == 30)
        QCOMPARE(f.pointsExpired, 14);
    if (firstDayBack == 70)
        QCOMPARE(f.pointsExpired, 21);

    LedgerRepository ledger(m_till.database->connection());
    Points outstanding = 0;
    for (qint64 memberId = 1; memberId <= 300; ++memberId) {
        const auto balance = ledger.balance(memberId);
        QVERIFY(balance.ok());
        outstanding += *balance;
    }
    QCOMPARE(f.pointsOutstanding, outstanding);
    const auto settings = TillSettings::load(m_till.database->connection());
    QVERIFY(settings.ok());
    const RedemptionPolicy policy = ActiveProgramme::load(*m_till.database, *settings).redemption;
    QCOMPARE(f.liabilityMinor, outstanding - outstanding % policy.pointsPerStep);  // demo: 100 points = 1,00 €
    QCOMPARE(policy.valueMinorPerStep, policy.pointsPerStep);

    // Rewards.
    std::map<QString, std::pair<qint64, qint64>> uses;
    for (const EffectRow& effect : std::as_const(m_effects)) {
        if ((effect.kind == QStringLiteral("points_redeemed") || effect.kind == QStringLiteral("stamps_redeemed")) &&
            in(m_saleTime.value(effect.saleId), period.from, period.to)) {
            ++uses[effect.ruleId].first;
            uses[effect.ruleId].second += effect.amount;
        }
    }
    std::vector<std::pair<QString, std::pair<qint64, qint64>>> top(uses.begin(), uses.end());
    std::stable_sort(top.begin(), top.end(),
                     [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
    if (top.size() > size_t(BranchReport::kTopRewards))
        top.resize(BranchReport::kTopRewards);
    QCOMPARE(f.topRewards.size(), qsizetype(top.size()));
    for (size_t i = 0; i < top.size(); ++i) {
        QCOMPARE(f.topRewards[qsizetype(i)].ruleId, top[i].first);
        QCOMPARE(f.topRewards[qsizetype(i)].times, top[i].second.first);
        QCOMPARE(f.topRewards[qsizetype(i)].amount, top[i].second.second);
        QVERIFY(!f.topRewards[qsizetype(i)].name.isEmpty());
        if (top[i].first == QStringLiteral("reward.coffee"))
            QCOMPARE(f.topRewards[qsizetype(i)].name, QStringLiteral("A Kaffee Crema"));
    }
    if (firstDayBack >= 30)
        QVERIFY(!f.topRewards.isEmpty());

    // Series: every local day (or Monday's week) once, in order, members and others apart.
    const qint64 days = period.from.date().daysTo(period.to.date());
    QCOMPARE(f.weekly, days > BranchReport::kDailySeriesUpToDays);
    std::map<QDate, std::pair<qint64, qint64>> buckets;
    for (const SaleRow& sale : std::as_const(m_sales)) {
        if (!in(sale.at, period.from, period.to))
            continue;
        QDate day = sale.at.toLocalTime().date();
        if (f.weekly)
            day = std::max(day.addDays(1 - day.dayOfWeek()), period.from.date());
        (sale.memberId ? buckets[day].first : buckets[day].second) += sale.paid;
    }
    QDate expected = period.from.date();  // then each Monday (weekly) or day
    qint64 seriesMembers = 0, seriesOthers = 0;
    for (const BranchFigures::RevenueBucket& bucket : f.series) {
        QCOMPARE(bucket.start, expected);
        QCOMPARE(bucket.memberRevenueMinor, buckets[bucket.start].first);
        QCOMPARE(bucket.otherRevenueMinor, buckets[bucket.start].second);
        seriesMembers += bucket.memberRevenueMinor;
        seriesOthers += bucket.otherRevenueMinor;
        expected = f.weekly ? expected.addDays(8 - expected.dayOfWeek()) : expected.addDays(1);
    }
    QVERIFY(expected >= period.to.date());
    QCOMPARE(seriesMembers, memberRevenue);
    QCOMPARE(seriesOthers, otherRevenue);

    // Returns.
    qint64 refunds = 0, refunded = 0;
    for (const auto& [at, minor] : std::as_const(m_returns)) {
        if (in(at, period.from, period.to)) {
            ++refunds;
            refunded += minor;
        }
    }
    QCOMPARE(f.refunds, refunds);
    QCOMPARE(f.refundedMinor, refunded);
}

void TestBranchReport::periodIsHalfOpen()
{
    const SaleRow& sale = m_sales[m_sales.size() / 2];
    ReportPeriod ending;
    ending.from = sale.at.addSecs(-3600 * 24 * 3);
    ending.to = sale.at;
    ReportPeriod starting;
    starting.from = sale.at;
    starting.to = sale.at.addSecs(3600 * 24 * 3);
    ReportPeriod both;
    both.from = ending.from;
    both.to = starting.to;
    const BranchFigures a = compute(ending);
    const BranchFigures b = compute(starting);
    const BranchFigures c = compute(both);
    QVERIFY(a.sales > 0 && b.sales > 0);
    QCOMPARE(a.sales + b.sales, c.sales);
    QCOMPARE(a.revenueMinor + b.revenueMinor, c.revenueMinor);
    QCOMPARE(a.pointsIssued + b.pointsIssued, c.pointsIssued);
    // The sale at the boundary belongs to the period it starts.
    qint64 atOrAfter = 0;
    for (const SaleRow& row : std::as_const(m_sales))
        atOrAfter += in(row.at, starting.from, starting.to) ? 1 : 0;
    QCOMPARE(b.sales, atOrAfter);
    // Without a comparison period there is no retention.
    QCOMPARE(a.comparisonActiveMembers, 0);
    QCOMPARE(a.retentionPermille, 0);
}

void TestBranchReport::emptyPeriodGivesZeros()
{
    const QDate tomorrow = m_till.clock.now().toLocalTime().date().addDays(1);
    const BranchFigures f = compute(ReportPeriod::days(tomorrow, tomorrow.addDays(6)));
    QCOMPARE(f.sales, 0);
    QCOMPARE(f.revenueMinor, 0);
    QCOMPARE(f.memberSharePermille, 0);
    QCOMPARE(f.averageMemberBasketMinor, 0);
    QCOMPARE(f.activeMembers, 0);
    QCOMPARE(f.purchaseFrequencyPermille, 0);
    QCOMPARE(f.classA.members, 0);
    QVERIFY(f.topRewards.isEmpty());
    QCOMPARE(f.series.size(), 7);
    QVERIFY(f.pointsOutstanding > 0);  // the liability does not depend on the period
}

void TestBranchReport::invalidPeriodIsRefused()
{
    const QDate today = m_till.clock.now().toLocalTime().date();
    ReportPeriod backwards;
    backwards.from = today.startOfDay();
    backwards.to = today.addDays(-1).startOfDay();
    const auto figures = BranchReport::computeFor(*m_till.database, backwards);
    QVERIFY(!figures);
    QCOMPARE(figures.error().code, Error::Code::InvalidInput);
    QVERIFY(!ReportPeriod::days(today, today.addDays(-1)).isValid());
}

void TestBranchReport::presets_data()
{
    QTest::addColumn<int>("preset");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QDate>("compareFirst");
    // 2026-06-17 is a Wednesday.
    QTest::newRow("today") << int(ReportPeriod::Preset::Today) << QDate(2026, 6, 17) << QDate(2026, 6, 17)
                           << QDate(2026, 6, 16);
    QTest::newRow("this week") << int(ReportPeriod::Preset::ThisWeek) << QDate(2026, 6, 15) << QDate(2026, 6, 17)
                               << QDate(2026, 6, 8);
    QTest::newRow("this month") << int(ReportPeriod::Preset::ThisMonth) << QDate(2026, 6, 1) << QDate(2026, 6, 17)
                                << QDate(2026, 5, 1);
    QTest::newRow("last 30 days") << int(ReportPeriod::Preset::Last30Days) << QDate(2026, 5, 19) << QDate(2026, 6, 17)
                                  << QDate(2026, 4, 19);
    QTest::newRow("this year") << int(ReportPeriod::Preset::ThisYear) << QDate(2026, 1, 1) << QDate(2026, 6, 17)
                               << QDate(2025, 1, 1);
}

void TestBranchReport::presets()
{
    QFETCH(int, preset);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QDate, compareFirst);
    const ReportPeriod period = ReportPeriod::preset(ReportPeriod::Preset(preset), QDate(2026, 6, 17));
    QCOMPARE(period.from, first.startOfDay());
    QCOMPARE(period.to, last.addDays(1).startOfDay());
    QCOMPARE(period.compareFrom, compareFirst.startOfDay());
    QCOMPARE(period.compareTo, period.from);
    QCOMPARE(period.dayCount(), first.daysTo(last) + 1);
}

void TestBranchReport::rounding_data()
{
    QTest::addColumn<qint64>("part");
    QTest::addColumn<qint64>("whole");
    QTest::addColumn<int>("permille");
    QTest::addColumn<qint64>("average");
    QTest::newRow("zero whole") << qint64(5) << qint64(0) << 0 << qint64(0);
    QTest::newRow("half up") << qint64(1) << qint64(2000) << 1 << qint64(0);
    QTest::newRow("below half") << qint64(1) << qint64(2001) << 0 << qint64(0);
    QTest::newRow("two thirds") << qint64(2) << qint64(3) << 667 << qint64(1);
    QTest::newRow("all") << qint64(7) << qint64(7) << 1000 << qint64(1);
    QTest::newRow("average half up") << qint64(15) << qint64(10) << 1500 << qint64(2);
}

void TestBranchReport::rounding()
{
    QFETCH(qint64, part);
    QFETCH(qint64, whole);
    QFETCH(int, permille);
    QFETCH(qint64, average);
    QCOMPARE(BranchReport::permille(part, whole), permille);
    QCOMPARE(BranchReport::average(part, whole), average);
}

QTEST_GUILESS_MAIN(TestBranchReport)
#include "TestBranchReport.moc"
