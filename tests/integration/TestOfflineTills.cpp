#include "ScenarioWorld.h"
#include "demo/DemoDataGenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using loyalty::DemoDataGenerator;

// Two tills selling while head office is out of reach, then converging: each sees the other's points,
// offline redemption stays within the programme's limit, an overdraft and a single-use coupon used on
// both tills are booked and reported at head office.
class TestOfflineTills final : public QObject
{
    Q_OBJECT

private:
    static constexpr int kMembers = 30;
    // Demo member 12 has 2795 points and member 3 has 2672 (the demo data is deterministic).
    static constexpr int kRichMember = 12;
    static constexpr int kOtherRichMember = 3;

    static QString apples(int quantity)
    {
        return DemoDataGenerator::productEanFor(1) + u':' + QString::number(quantity);
    }
    static QString compact(const QJsonObject& object)
    {
        return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void bothTillsSeeEachOthersPointsAfterTheOutage()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        const QString card = ScenarioWorld::card(kRichMember);
        const auto before = world.hqJson({QStringLiteral("balance"), card});
        QVERIFY2(!before.isEmpty(), qPrintable(world.error()));
        const qint64 opening = before.value(QLatin1String("balance")).toInteger(-1);

        QVERIFY2(world.hq().stop(), qPrintable(world.hq().error()));
        const auto northSale = north->sale(card, {apples(10)});
        QVERIFY2(northSale, qPrintable(north->error()));
        const auto southSale = south->sale(card, {apples(20), DemoDataGenerator::productEanFor(0)});
        QVERIFY2(southSale, qPrintable(south->error()));
        const qint64 northEarned = northSale->value(QLatin1String("points_earned")).toInteger();
        const qint64 southEarned = southSale->value(QLatin1String("points_earned")).toInteger();
        QVERIFY2(northEarned > 0 && southEarned > 0, qPrintable(compact(*southSale)));

        // Head office down: the round fails with exit 6, says offline and keeps every event.
        const ProcessRun offline = north->sync(5);
        QVERIFY2(offline.finishedNormally && offline.exitCode == 6, qPrintable(offline.describe()));
        QCOMPARE(offline.json().value(QLatin1String("online")).toBool(true), false);
        QCOMPARE(north->outboxCount(QStringLiteral("pending")), 1);
        // Each till shows only what it booked itself while offline.
        QCOMPARE(south->balance(card)->value(QLatin1String("balance")).toInteger(), opening + southEarned);

        QVERIFY2(world.hq().restart(), qPrintable(world.hq().error()));
        QVERIFY2(north->syncOk(), qPrintable(north->error()));
        QVERIFY2(south->syncOk(), qPrintable(south->error()));
        QVERIFY2(north->syncOk(), qPrintable(north->error()));
        for (TillFixture* till : {north, south}) {
            const auto balance = till->balance(card);
            QVERIFY2(balance, qPrintable(till->error()));
            QCOMPARE(balance->value(QLatin1String("balance")).toInteger(), opening + northEarned + southEarned);
        }
        QCOMPARE(world.hqJson({QStringLiteral("balance"), card}).value(QLatin1String("balance")).toInteger(),
                 opening + northEarned + southEarned);
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void offlineRedemptionStaysWithinTheDailyLimit()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(till, qPrintable(world.error()));
        QVERIFY2(world.hq().stop(), qPrintable(world.hq().error()));
        const QString card = ScenarioWorld::card(kRichMember);
        // The demo programme: redemption.offline_daily_limit 2000, 100 points per euro, at most half the basket.
        const auto first = till->sale(card, {apples(20)}, {QStringLiteral("--redeem"), QStringLiteral("2700")});
        QVERIFY2(first, qPrintable(till->error()));
        const qint64 redeemed = first->value(QLatin1String("points_redeemed")).toInteger(-1);
        QVERIFY2(redeemed > 0 && redeemed <= 2000, qPrintable(compact(*first)));
        // The limit is used up for today while head office has not confirmed: nothing more is redeemed.
        const ProcessRun second =
            till->ctl({QStringLiteral("sale"), QStringLiteral("--card"), card, QStringLiteral("--line"), apples(20),
                       QStringLiteral("--redeem"), QString::number(2000 - redeemed + 500), QStringLiteral("--json")});
        QVERIFY2(second.finishedNormally, qPrintable(second.describe()));
        if (second.exitCode == 0)
            QVERIFY2(second.json().value(QLatin1String("points_redeemed")).toInteger(-1) <= 2000 - redeemed,
                     qPrintable(second.describe()));
        QVERIFY2(world.hq().restart(), qPrintable(world.hq().error()));
        const QString problems = world.invariants({card});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void overdraftOfTwoOfflineTillsIsBookedAndReported()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        const QString card = ScenarioWorld::card(kOtherRichMember);
        const qint64 opening =
            world.hqJson({QStringLiteral("balance"), card}).value(QLatin1String("balance")).toInteger(-1);
        QVERIFY2(opening > 1500 && opening < 3000, qPrintable(QString::number(opening)));

        QVERIFY2(world.hq().stop(), qPrintable(world.hq().error()));
        qint64 spent = 0;
        for (TillFixture* till : {north, south}) {
            const auto sale = till->sale(card, {apples(20)}, {QStringLiteral("--redeem"), QStringLiteral("1500")});
            QVERIFY2(sale, qPrintable(till->error()));
            QCOMPARE(sale->value(QLatin1String("points_redeemed")).toInteger(), 1500);
            spent += 1500;
        }
        QVERIFY(spent > opening);
        QVERIFY2(world.hq().restart(), qPrintable(world.hq().error()));
        QVERIFY2(north->syncOk(), qPrintable(north->error()));
        QVERIFY2(south->syncOk(), qPrintable(south->error()));

        // Both sales stand; the balance went below zero and head office says so.
        const QJsonObject balance = world.hqJson({QStringLiteral("balance"), card});
        QVERIFY2(balance.value(QLatin1String("balance")).toInteger(0) < 0, qPrintable(compact(balance)));
        const QJsonObject stats = world.hqJson({QStringLiteral("stats")});
        QVERIFY2(stats.value(QLatin1String("overdrafts")).toInteger(0) >= 1, qPrintable(compact(stats)));
        const ProcessRun conflicts = world.hq().cli({QStringLiteral("conflicts"), QStringLiteral("--json")});
        // Exit 3: "conflicts found overdrafts or coupon conflicts".
        QVERIFY2(conflicts.finishedNormally && conflicts.exitCode == 3, qPrintable(conflicts.describe()));
        const QString uuid = balance.value(QLatin1String("member_uuid")).toString();
        QVERIFY2(!uuid.isEmpty() && conflicts.out.contains(uuid.toUtf8()), qPrintable(conflicts.describe()));
        const QString problems = world.invariants({card});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void singleUseCouponOnTwoOfflineTillsHasOneWinner()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        QVERIFY2(world.hq().stop(), qPrintable(world.hq().error()));
        // FLYER-0001: single use, 5 € off from 25 €.
        const QStringList coupon{QStringLiteral("--coupon"), QStringLiteral("FLYER-0001")};
        const auto first = north->sale(ScenarioWorld::card(5), {apples(10)}, coupon);
        QVERIFY2(first, qPrintable(north->error()));
        QCOMPARE(first->value(QLatin1String("discount_minor")).toInteger(), 500);
        QTest::qWait(1100);  // a later till time: North's use is the defined winner
        const auto second = south->sale(ScenarioWorld::card(6), {apples(10)}, coupon);
        QVERIFY2(second, qPrintable(south->error()));
        QCOMPARE(second->value(QLatin1String("discount_minor")).toInteger(), 500);

        QVERIFY2(world.hq().restart(), qPrintable(world.hq().error()));
        // The loser reaches head office first; the winner is still the earlier use.
        QVERIFY2(south->syncOk(), qPrintable(south->error()));
        QVERIFY2(north->syncOk(), qPrintable(north->error()));
        QVERIFY2(south->syncOk(), qPrintable(south->error()));
        const QJsonObject stats = world.hqJson({QStringLiteral("stats")});
        QCOMPARE(stats.value(QLatin1String("coupon_conflicts")).toInteger(-1), 1);
        const ProcessRun conflicts = world.hq().cli({QStringLiteral("conflicts"), QStringLiteral("--json")});
        QVERIFY2(conflicts.finishedNormally && conflicts.exitCode == 3 && conflicts.out.contains("FLYER-0001"),
                 qPrintable(conflicts.describe()));
        const QString southId = south->tillId();
        QVERIFY2(conflicts.out.contains(southId.toUtf8()), qPrintable(southId + u' ' + conflicts.describe()));

        // Every till now knows the code is used and gives no discount for it.
        for (TillFixture* till : {north, south}) {
            const ProcessRun again = till->ctl(
                {QStringLiteral("sale"), QStringLiteral("--card"), ScenarioWorld::card(7), QStringLiteral("--line"),
                 apples(10), QStringLiteral("--coupon"), QStringLiteral("FLYER-0001"), QStringLiteral("--json")});
            QVERIFY2(again.finishedNormally, qPrintable(again.describe()));
            if (again.exitCode == 0)
                QVERIFY2(again.json().value(QLatin1String("discount_minor")).toInteger(-1) == 0,
                         qPrintable(again.describe()));
        }
        const QString problems =
            world.invariants({ScenarioWorld::card(5), ScenarioWorld::card(6), ScenarioWorld::card(7)});
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestOfflineTills)
#include "TestOfflineTills.moc"
