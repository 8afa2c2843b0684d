// Points lots replayed from a points account: what each negative entry consumes, the deficit, the
// points about to expire and the lots already past their day.
#include "account/PointsLots.h"

#include <QTest>

using namespace loyalty;

Q_DECLARE_METATYPE(loyalty::PointsMovement)
Q_DECLARE_METATYPE(loyalty::PointsLot)

namespace {
const QDate kDay(2026, 3, 1);

PointsMovement earn(qint64 id, Points amount, int dayOffset, const QDate& expires = {})
{
    return {id, amount, kDay.addDays(dayOffset), expires};
}

PointsMovement take(qint64 id, Points amount, int dayOffset)
{
    return {id, -amount, kDay.addDays(dayOffset), {}};
}

PointsLot lot(qint64 id, int dayOffset, const QDate& expires, Points remaining)
{
    return {id, kDay.addDays(dayOffset), expires, remaining};
}
}  // namespace

class TestPointsLots final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
    void expiringWithinTheWarningPeriod_data();
    void expiringWithinTheWarningPeriod();
    void expiredLotsInConsumptionOrder();
};

void TestPointsLots::replay_data()
{
    QTest::addColumn<QList<PointsMovement>>("movements");
    QTest::addColumn<QList<PointsLot>>("lots");
    QTest::addColumn<Points>("deficit");
    QTest::addColumn<Points>("balance");

    const QDate june(2027, 6, 1);
    const QDate january(2027, 1, 1);
    QTest::newRow("nothing") << QList<PointsMovement>{} << QList<PointsLot>{} << Points(0) << Points(0);
    QTest::newRow("earned lots stay whole")
        << QList<PointsMovement>{earn(1, 100, 0, june), earn(2, 50, 1, january)}
        << QList<PointsLot>{lot(1, 0, june, 100), lot(2, 1, january, 50)} << Points(0) << Points(150);
    QTest::newRow("a redemption takes the lot that expires first")
        << QList<PointsMovement>{earn(1, 100, 0, june), earn(2, 50, 1, january), take(3, 70, 2)}
        << QList<PointsLot>{lot(1, 0, june, 80)} << Points(0) << Points(80);
    QTest::newRow("lots that never expire go last")
        << QList<PointsMovement>{earn(1, 100, 0), earn(2, 50, 1, june), take(3, 60, 2)}
        << QList<PointsLot>{lot(1, 0, {}, 90)} << Points(0) << Points(90);
    QTest::newRow("same expiry: the older entry first")
        << QList<PointsMovement>{earn(1, 30, 0, june), earn(2, 30, 1, june), take(3, 40, 2)}
        << QList<PointsLot>{lot(2, 1, june, 20)} << Points(0) << Points(20);
    QTest::newRow("several takes across lots")
        << QList<PointsMovement>{earn(1, 10, 0, january), earn(2, 20, 1, june), earn(3, 30, 2),
                                 take(4, 5, 3),           take(5, 10, 4),       take(6, 20, 5)}
        << QList<PointsLot>{lot(3, 2, {}, 25)} << Points(0) << Points(25);
    QTest::newRow("a later lot pays the deficit first")
        << QList<PointsMovement>{take(1, 40, 0), earn(2, 100, 1, june)} << QList<PointsLot>{lot(2, 1, june, 60)}
        << Points(0) << Points(60);
    QTest::newRow("overdrawn: the rest is a deficit") << QList<PointsMovement>{earn(1, 50, 0, june), take(2, 80, 1)}
                                                      << QList<PointsLot>{} << Points(30) << Points(-30);
    QTest::newRow("a lot smaller than the deficit leaves nothing")
        << QList<PointsMovement>{earn(1, 50, 0, june), take(2, 80, 1), earn(3, 20, 2, june)} << QList<PointsLot>{}
        << Points(10) << Points(-10);
    QTest::newRow("zero entries change nothing")
        << QList<PointsMovement>{earn(1, 0, 0, june), earn(2, 10, 1, june), take(3, 0, 2)}
        << QList<PointsLot>{lot(2, 1, june, 10)} << Points(0) << Points(10);
}

void TestPointsLots::replay()
{
    QFETCH(QList<PointsMovement>, movements);
    QFETCH(QList<PointsLot>, lots);
    QFETCH(Points, deficit);
    QFETCH(Points, balance);

    const PointsLots replayed = PointsLots::replay(movements);
    QCOMPARE(replayed.lots(), lots);
    QCOMPARE(replayed.deficit(), deficit);
    QCOMPARE(replayed.balance(), balance);
    Points sum = 0;
    for (const PointsMovement& movement : movements)
        sum += movement.amount;
    QCOMPARE(replayed.balance(), sum);  // lots never lose or invent points
}

void TestPointsLots::expiringWithinTheWarningPeriod_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<Points>("points");
    QTest::addColumn<QDate>("firstOn");

    // Lots expire on kDay (gone today), kDay+1, kDay+30, kDay+31 and never.
    QTest::newRow("none within 0 days") << 0 << Points(0) << QDate();
    QTest::newRow("tomorrow's within 1 day") << 1 << Points(2) << kDay.addDays(1);
    QTest::newRow("within 30 days") << 30 << Points(6) << kDay.addDays(1);
    QTest::newRow("within 31 days") << 31 << Points(14) << kDay.addDays(1);
    QTest::newRow("within a year") << 365 << Points(14) << kDay.addDays(1);
}

void TestPointsLots::expiringWithinTheWarningPeriod()
{
    QFETCH(int, days);
    QFETCH(Points, points);
    QFETCH(QDate, firstOn);

    const PointsLots lots =
        PointsLots::replay({earn(1, 1, -400, kDay), earn(2, 2, -300, kDay.addDays(1)),
                            earn(3, 4, -200, kDay.addDays(30)), earn(4, 8, -100, kDay.addDays(31)), earn(5, 16, -50)});
    const ExpiringPoints expiring = lots.expiringWithin(kDay, days);
    QCOMPARE(expiring.points, points);
    QCOMPARE(expiring.firstOn, firstOn);
}

void TestPointsLots::expiredLotsInConsumptionOrder()
{
    const QDate early(2026, 1, 1);
    const QDate later(2026, 2, 1);
    // Entry 1 expires later than entry 2; entry 3 was partly redeemed; entry 4 is still valid.
    const PointsLots lots =
        PointsLots::replay({earn(1, 40, -500, later), earn(2, 30, -400, early), earn(3, 20, -300, early),
                            take(4, 35, -10), earn(5, 10, -200, kDay.addDays(1))});
    QCOMPARE(lots.expiredOn(kDay), (QList<PointsLot>{lot(3, -300, early, 15), lot(1, -500, later, 40)}));
    QCOMPARE(lots.expiredOn(early), (QList<PointsLot>{lot(3, -300, early, 15)}));
    QVERIFY(lots.expiredOn(early.addDays(-1)).isEmpty());
}

QTEST_GUILESS_MAIN(TestPointsLots)
#include "TestPointsLots.moc"
