// Tiers recomputed from sales and the ledger: the rolling window, refunds of earning lines, the
// points basis, grace after falling below a tier, and what the next tier still needs.
#include "AccountTestData.h"
#include "account/TierProgressText.h"
#include "account/TierStanding.h"

using namespace loyalty;
using namespace loyalty::test;

Q_DECLARE_METATYPE(loyalty::QualifyingMovement)

namespace {
const QDateTime kAt(QDate(2026, 6, 15), QTime(12, 0));

Programme tieredProgramme(TierPolicy::Basis basis, int graceDays)
{
    Programme programme;
    programme.tiers = {{QStringLiteral("bronze"), QStringLiteral("Bronze"), 0, 100, 0},
                       {QStringLiteral("silver"), QStringLiteral("Silver"), 50000, 125, 0},
                       {QStringLiteral("gold"), QStringLiteral("Gold"), 100000, 150, 0}};
    programme.tierPolicy.basis = basis;
    programme.tierPolicy.months = 12;
    programme.tierPolicy.graceDays = graceDays;
    return programme;
}

QualifyingMovement moved(qint64 daysBefore, qint64 amount, int hour = 10)
{
    return {QDateTime(kAt.date().addDays(-daysBefore), QTime(hour, 0)), amount};
}
}  // namespace

class TestTierStanding final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void spendFromSalesLessRefundsOfEarningLines();
    void spendAtOtherTillsCounts();
    void pointsBasisCountsEarnedLessReversed();
    void graceKeepsATierFromTheDatabase();
    void progressText();
};

void TestTierStanding::evaluate_data()
{
    QTest::addColumn<QList<QualifyingMovement>>("movements");
    QTest::addColumn<int>("graceDays");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("qualified");
    QTest::addColumn<QDate>("graceUntil");
    QTest::addColumn<QString>("next");
    QTest::addColumn<qint64>("needed");

    const QString bronze = QStringLiteral("bronze");
    const QString silver = QStringLiteral("silver");
    const QString gold = QStringLiteral("gold");
    // 12 months before kAt is 2025-06-15 12:00; a sale on 2025-06-05 left the window 10 days ago.
    const qint64 leftTenDaysAgo = kAt.date().daysTo(QDate(2025, 6, 5)) * -1;

    QTest::newRow("no sales") << QList<QualifyingMovement>{} << 0 << qint64(0) << bronze << bronze << QDate() << silver
                              << qint64(50000);
    QTest::newRow("exactly the threshold") << QList<QualifyingMovement>{moved(3, 30000), moved(100, 20000)} << 0
                                           << qint64(50000) << silver << silver << QDate() << gold << qint64(50000);
    QTest::newRow("gold is the top") << QList<QualifyingMovement>{moved(1, 123456)} << 0 << qint64(123456) << gold
                                     << gold << QDate() << QString() << qint64(0);
    QTest::newRow("a sale out of the window counts nothing")
        << QList<QualifyingMovement>{moved(leftTenDaysAgo, 60000), moved(2, 1230)} << 0 << qint64(1230) << bronze
        << bronze << QDate() << silver << qint64(48770);
    QTest::newRow("grace keeps silver for 30 days")
        << QList<QualifyingMovement>{moved(leftTenDaysAgo, 60000), moved(2, 1230)} << 30 << qint64(1230) << silver
        << bronze << QDate(2026, 7, 4) << gold << qint64(98770);
    QTest::newRow("grace over after 5 days")
        << QList<QualifyingMovement>{moved(leftTenDaysAgo, 60000), moved(2, 1230)} << 5 << qint64(1230) << bronze
        << bronze << QDate() << silver << qint64(48770);
    QTest::newRow("refunds lower the value, never below zero")
        << QList<QualifyingMovement>{moved(20, 10000), moved(1, -15000)} << 0 << qint64(0) << bronze << bronze
        << QDate() << silver << qint64(50000);
    QTest::newRow("a movement after the moment is ignored")
        << QList<QualifyingMovement>{{kAt.addSecs(1), 60000}} << 0 << qint64(0) << bronze << bronze << QDate() << silver
        << qint64(50000);
}

void TestTierStanding::evaluate()
{
    QFETCH(QList<QualifyingMovement>, movements);
    QFETCH(int, graceDays);
    QFETCH(qint64, value);
    QFETCH(QString, tier);
    QFETCH(QString, qualified);
    QFETCH(QDate, graceUntil);
    QFETCH(QString, next);
    QFETCH(qint64, needed);

    const TierProgress progress =
        TierStanding::evaluate(movements, kAt, tieredProgramme(TierPolicy::Basis::Spend, graceDays));
    QCOMPARE(progress.qualifyingValue, value);
    QCOMPARE(progress.tierId, tier);
    QCOMPARE(progress.qualifiedTierId, qualified);
    QCOMPARE(progress.heldByGrace, tier != qualified);
    QCOMPARE(progress.graceUntil, graceUntil);
    QCOMPARE(progress.nextTierId, next);
    QCOMPARE(progress.neededForNext, needed);
}

void TestTierStanding::spendFromSalesLessRefundsOfEarningLines()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 member = data.addMember(QStringLiteral("Spender"));
    const qint64 other = data.addMember(QStringLiteral("Someone else"));
    data.addSale(member, kAt.addMonths(-13), {{QStringLiteral("Old"), 1, 90000}});
    const qint64 sale = data.addSale(member, kAt.addDays(-40),
                                     {{QStringLiteral("Wine"), 2, 60000}, {QStringLiteral("Deposit"), 1, 500, false}});
    data.addSale(member, kAt.addDays(-1), {{QStringLiteral("Bread"), 1, 15000}});
    data.addSale(other, kAt.addDays(-1), {{QStringLiteral("Gold bar"), 1, 900000}});
    data.addSale(member, kAt.addDays(1), {{QStringLiteral("Tomorrow"), 1, 900000}});
    // One bottle and the deposit came back: only the bottle was eligible spend.
    data.exec(QStringLiteral("INSERT INTO sale_returns (id, uuid, sale_id, refund_minor, created_at)"
                             " VALUES (1, 'r1', %1, 30500, '%2')")
                  .arg(sale)
                  .arg(StoredTime::instant(kAt.addDays(-2))));
    data.exec(QStringLiteral("INSERT INTO return_lines (return_id, line_no, quantity, refund_minor) VALUES"
                             " (1, 1, 1, 30000), (1, 2, 1, 500)"));

    TierStanding standing(data.db());
    const auto progress = standing.read(member, kAt, tieredProgramme(TierPolicy::Basis::Spend, 0));
    QVERIFY2(progress.ok(), qPrintable(progress.ok() ? QString() : progress.error().message));
    QCOMPARE(progress->qualifyingValue, 60000 - 30000 + 15000);
    QCOMPARE(progress->tierId, QStringLiteral("bronze"));
    QCOMPARE(progress->neededForNext, 50000 - 45000);

    // Before the return the member was silver; 3 days of grace remember it.
    const auto graced = standing.read(member, kAt, tieredProgramme(TierPolicy::Basis::Spend, 3));
    QVERIFY(graced.ok());
    QCOMPARE(graced->tierId, QStringLiteral("silver"));
    QVERIFY(graced->heldByGrace);
    QCOMPARE(graced->graceUntil, kAt.date());
}

void TestTierStanding::spendAtOtherTillsCounts()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 member = data.addMember(QStringLiteral("Travelling spender"));
    const qint64 other = data.addMember(QStringLiteral("Someone else"));
    data.addSale(member, kAt.addDays(-5), {{QStringLiteral("Bread"), 1, 20000}});
    // At other tills: eligible spend less what came back there, at the time of the sale.
    data.addRemoteSale(member, kAt.addDays(-30), 40000, 5000);
    data.addRemoteSale(member, kAt.addMonths(-13), 90000);  // out of the window
    data.addRemoteSale(member, kAt.addDays(1), 90000);      // after the moment
    data.addRemoteSale(other, kAt.addDays(-1), 900000);

    TierStanding standing(data.db());
    const auto progress = standing.read(member, kAt, tieredProgramme(TierPolicy::Basis::Spend, 0));
    QVERIFY2(progress.ok(), qPrintable(progress.ok() ? QString() : progress.error().message));
    QCOMPARE(progress->qualifyingValue, 20000 + 40000 - 5000);
    QCOMPARE(progress->tierId, QStringLiteral("silver"));

    // Without the other tills' sales the member would still be bronze.
    data.exec(QStringLiteral("DELETE FROM remote_sales"));
    const auto local = standing.read(member, kAt, tieredProgramme(TierPolicy::Basis::Spend, 0));
    QVERIFY(local.ok());
    QCOMPARE(local->qualifyingValue, 20000);
    QCOMPARE(local->tierId, QStringLiteral("bronze"));
}

void TestTierStanding::pointsBasisCountsEarnedLessReversed()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 member = data.addMember(QStringLiteral("Collector"));
    const QString points = QStringLiteral("points");
    data.addEntry(member, points, QStringLiteral("earn"), 300, kAt.addDays(-10));
    data.addEntry(member, points, QStringLiteral("earn"), 70000, kAt.addMonths(-13));
    data.addEntry(member, points, QStringLiteral("reverse"), -100, kAt.addDays(-5));
    data.addEntry(member, points, QStringLiteral("reverse"), 250, kAt.addDays(-5));  // redeemed points given back
    data.addEntry(member, points, QStringLiteral("redeem"), -500, kAt.addDays(-4));
    data.addEntry(member, points, QStringLiteral("expire"), -50, kAt.addDays(-3));
    data.addEntry(member, QStringLiteral("wallet"), QStringLiteral("earn"), 9999, kAt.addDays(-3));

    Programme programme = tieredProgramme(TierPolicy::Basis::EarnedPoints, 0);
    programme.tiers[1].threshold = 1000;
    programme.tiers[2].threshold = 5000;
    TierStanding standing(data.db());
    const auto progress = standing.read(member, kAt, programme);
    QVERIFY(progress.ok());
    QCOMPARE(progress->qualifyingValue, 200);
    QCOMPARE(progress->tierId, QStringLiteral("bronze"));
    QCOMPARE(progress->neededForNext, 800);
    QCOMPARE(progress->basis, TierPolicy::Basis::EarnedPoints);
}

void TestTierStanding::graceKeepsATierFromTheDatabase()
{
    AccountTestData data(kAt);
    QVERIFY(data.isOpen());
    const qint64 member = data.addMember(QStringLiteral("Former gold"));
    data.addSale(member, QDateTime(QDate(2025, 6, 5), QTime(10, 0)), {{QStringLiteral("TV"), 1, 100000}});
    data.addSale(member, kAt.addDays(-3), {{QStringLiteral("Milk"), 1, 1230}});
    TierStanding standing(data.db());

    const auto withGrace = standing.read(member, kAt, tieredProgramme(TierPolicy::Basis::Spend, 30));
    QVERIFY(withGrace.ok());
    QCOMPARE(withGrace->qualifyingValue, 1230);
    QCOMPARE(withGrace->qualifiedTierId, QStringLiteral("bronze"));
    QCOMPARE(withGrace->tierId, QStringLiteral("gold"));
    QCOMPARE(withGrace->nextTierId, QString());

    const auto withoutGrace = standing.read(member, kAt, tieredProgramme(TierPolicy::Basis::Spend, 0));
    QVERIFY(withoutGrace.ok());
    QCOMPARE(withoutGrace->tierId, QStringLiteral("bronze"));

    const auto noTiers = standing.read(member, kAt, Programme{});
    QVERIFY(noTiers.ok());
    QCOMPARE(noTiers->tierId, QString());
}

void TestTierStanding::progressText()
{
    TierProgress points;
    points.basis = TierPolicy::Basis::EarnedPoints;
    points.nextTierId = QStringLiteral("gold");
    points.nextTierName = QStringLiteral("Gold");
    points.neededForNext = 230;
    QCOMPARE(TierProgressText::toNextTier(points, QStringLiteral("EUR"), QLocale::c()),
             QStringLiteral("230 point(s) to Gold"));

    TierProgress spend = points;
    spend.basis = TierPolicy::Basis::Spend;
    spend.neededForNext = 1230;
    const QString text = TierProgressText::toNextTier(spend, QStringLiteral("EUR"), QLocale(QLocale::German));
    QVERIFY2(text.contains(QStringLiteral("12,30")) && text.endsWith(QStringLiteral(" to Gold")), qPrintable(text));

    TierProgress top;
    QCOMPARE(TierProgressText::toNextTier(top, QStringLiteral("EUR")), QString());
}

QTEST_GUILESS_MAIN(TestTierStanding)
#include "TestTierStanding.moc"
