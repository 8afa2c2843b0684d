// The demo history sells through the real sale service: two runs with the same seed give the very
// same sales, amounts, points and effects; the till stays consistent (ConsistencyCheck); sales fall
// on the asked days before today, within the asked counts; redemptions and returns happen.
#include "ReportTestData.h"
#include "store/ConsistencyCheck.h"

#include <QSqlError>
#include <QSqlQuery>

#include <functional>

using namespace loyalty;
using namespace loyalty::test;

namespace {

DemoHistory::Options smallHistory()
{
    DemoHistory::Options options;
    options.days = 21;
    options.minSalesPerDay = 20;
    options.maxSalesPerDay = 30;
    options.memberPool = 60;
    return options;
}

// Everything that must come out the same, as text rows: per day counts and sums, ledger per
// account and kind, effects per rule, returns.
QStringList fingerprint(const Database& database)
{
    QStringList rows;
    QSqlQuery query(database.connection());
    for (const char* sql : {
             "SELECT substr(completed_at, 1, 10), count(*), count(member_id), sum(total_minor), sum(discount_minor),"
             " sum(points_earned), group_concat(coalesce(member_id, 0)) FROM sales GROUP BY 1 ORDER BY 1",
             "SELECT account, kind, count(*), sum(points) FROM ledger_entries GROUP BY 1, 2 ORDER BY 1, 2",
             "SELECT rule_id, kind, count(*), sum(amount), sum(discount_minor) FROM sale_effects GROUP BY 1, 2"
             " ORDER BY 1, 2",
             "SELECT sale_id, refund_minor, created_at FROM sale_returns ORDER BY id",
             "SELECT type, count(*) FROM outbox_events GROUP BY 1 ORDER BY 1",
         }) {
        if (!query.exec(QString::fromLatin1(sql))) {
            rows.append(query.lastError().text());
            continue;
        }
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < 7; ++i)
                values.append(query.value(i).toString());
            rows.append(values.join(QLatin1Char('|')));
        }
    }
    return rows;
}

}  // namespace

class TestDemoHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoRunsGiveTheSameHistory();
    void historyIsConsistentAndOnTheAskedDays();
    void zeroDaysSellsNothing();
    void badOptionsAreRefused();
};

void TestDemoHistory::twoRunsGiveTheSameHistory()
{
    ReportTestTill first;
    ReportTestTill second;
    QVERIFY(first.build(200, smallHistory()));
    QVERIFY(second.build(200, smallHistory()));
    QCOMPARE(first.history.sales, second.history.sales);
    QCOMPARE(first.history.memberSales, second.history.memberSales);
    QCOMPARE(first.history.redemptions, second.history.redemptions);
    QCOMPARE(first.history.returns, second.history.returns);
    QCOMPARE(first.history.revenueMinor, second.history.revenueMinor);
    const QStringList a = fingerprint(*first.database);
    QVERIFY(a.size() > 21);
    QCOMPARE(a, fingerprint(*second.database));

    // Another seed is another history.
    ReportTestTill other;
    DemoHistory::Options options = smallHistory();
    options.seed += 1;
    QVERIFY(other.build(200, options));
    QVERIFY(fingerprint(*other.database) != a);
}

void TestDemoHistory::historyIsConsistentAndOnTheAskedDays()
{
    ReportTestTill till;
    QVERIFY(till.build(200, smallHistory()));
    const auto report = ConsistencyCheck(*till.database).run();
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->sales, till.history.sales);

    QSqlQuery query(till.database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT completed_at, member_id FROM sales ORDER BY id")));
    const QDate today = till.clock.now().toLocalTime().date();
    QMap<QDate, int> perDay;
    qint64 withMember = 0;
    QDateTime previous;
    while (query.next()) {
        const QDateTime at = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
        QVERIFY(at.isValid());
        QVERIFY2(!previous.isValid() || previous < at, "sales are sold in time order");
        previous = at;
        ++perDay[at.toLocalTime().date()];
        if (!query.value(1).isNull()) {
            ++withMember;
            QVERIFY(query.value(1).toLongLong() >= 1 && query.value(1).toLongLong() <= 60);
        }
    }
    QCOMPARE(perDay.size(), 21);
    QCOMPARE(perDay.firstKey(), today.addDays(-21));
    QCOMPARE(perDay.lastKey(), today.addDays(-1));
    for (const int count : perDay)
        QVERIFY(count >= 20 && count <= 30);
    QCOMPARE(withMember, till.history.memberSales);
    QVERIFY(withMember > 0 && withMember < till.history.sales);
    QVERIFY(till.history.redemptions > 0);
    QVERIFY(till.history.returns > 0);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sale_returns")) && query.next());
    QCOMPARE(query.value(0).toLongLong(), till.history.returns);
}

void TestDemoHistory::zeroDaysSellsNothing()
{
    DemoHistory::Options options = smallHistory();
    options.days = 0;
    ReportTestTill till;
    QVERIFY(till.build(50, options));
    QCOMPARE(till.history.sales, 0);
    QSqlQuery query(till.database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sales")) && query.next());
    QCOMPARE(query.value(0).toLongLong(), 0);
}

void TestDemoHistory::badOptionsAreRefused()
{
    ReportTestTill till;
    DemoHistory::Options none = smallHistory();
    none.days = 0;
    QVERIFY(till.build(10, none));
    for (const auto& change : QList<std::function<void(DemoHistory::Options&)>>{
             [](DemoHistory::Options& o) { o.days = -1; },
             [](DemoHistory::Options& o) { o.days = DemoHistory::kMaxDays + 1; },
             [](DemoHistory::Options& o) { o.minSalesPerDay = 0; },
             [](DemoHistory::Options& o) { o.maxSalesPerDay = o.minSalesPerDay - 1; },
         }) {
        DemoHistory::Options options = smallHistory();
        change(options);
        const auto made = DemoHistory(*till.database, till.clock).generate(options);
        QVERIFY(!made);
        QCOMPARE(made.error().code, Error::Code::InvalidInput);
    }
}

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "TestDemoHistory.moc"
