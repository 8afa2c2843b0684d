// Backoff: full jitter within 1 s doubling to a 300 s cap, Retry-After honoured, with a seeded
// random source so the bounds are checked on many draws and the extremes exactly.
#include "sync/client/Backoff.h"

#include <QRandomGenerator>
#include <QTest>

using loyalty::sync::Backoff;

class TestBackoff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilingDoublesToTheCap_data();
    void ceilingDoublesToTheCap();
    void delaysStayWithinTheCeiling();
    void extremesOfTheRandomSourceReachBothEnds();
    void retryAfterIsHonoured();
    void absurdRetryAfterIsBounded();
};

void TestBackoff::ceilingDoublesToTheCap_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("ceiling");
    QTest::newRow("first") << 1 << qint64(1000);
    QTest::newRow("second") << 2 << qint64(2000);
    QTest::newRow("third") << 3 << qint64(4000);
    QTest::newRow("ninth") << 9 << qint64(256'000);
    QTest::newRow("tenth: capped") << 10 << qint64(300'000);
    QTest::newRow("hundredth") << 100 << qint64(300'000);
    QTest::newRow("zero counts as first") << 0 << qint64(1000);
}

void TestBackoff::ceilingDoublesToTheCap()
{
    QFETCH(int, failures);
    QFETCH(qint64, ceiling);
    QCOMPARE(Backoff::ceilingMs(failures), ceiling);
}

void TestBackoff::delaysStayWithinTheCeiling()
{
    QRandomGenerator seeded(20261201);
    const Backoff backoff([&seeded] { return seeded.generateDouble(); });
    for (int failures = 1; failures <= 12; ++failures) {
        qint64 smallest = Backoff::kCapMs;
        qint64 largest = 0;
        for (int draw = 0; draw < 500; ++draw) {
            const qint64 delay = backoff.delayMs(failures);
            QVERIFY2(delay >= 0 && delay <= Backoff::ceilingMs(failures), qPrintable(QString::number(delay)));
            smallest = std::min(smallest, delay);
            largest = std::max(largest, delay);
        }
        // Full jitter: the draws spread over the whole range, not around the ceiling.
        QVERIFY(smallest < Backoff::ceilingMs(failures) / 4);
        QVERIFY(largest > Backoff::ceilingMs(failures) * 3 / 4);
    }
}

void TestBackoff::extremesOfTheRandomSourceReachBothEnds()
{
    double next = 0.0;
    const Backoff backoff([&next] { return next; });
    QCOMPARE(backoff.delayMs(5), qint64(0));
    next = 0.999999999;
    QCOMPARE(backoff.delayMs(5), qint64(16'000));
    QCOMPARE(backoff.delayMs(50), Backoff::kCapMs);
    next = 7.0;  // a broken source is clamped, never beyond the cap
    QCOMPARE(backoff.delayMs(50), Backoff::kCapMs);
}

void TestBackoff::retryAfterIsHonoured()
{
    const Backoff backoff([] { return 0.0; });
    QCOMPARE(backoff.delayMs(1, qint64(120'000)), qint64(120'000));
    const Backoff high([] { return 0.9999999; });
    // A jittered delay longer than Retry-After stands: Retry-After is a floor.
    QCOMPARE(high.delayMs(9, qint64(1000)), qint64(256'000));
    QCOMPARE(backoff.delayMs(1, std::nullopt), qint64(0));
}

void TestBackoff::absurdRetryAfterIsBounded()
{
    const Backoff backoff([] { return 0.0; });
    QCOMPARE(backoff.delayMs(1, qint64(1'000'000'000'000)), Backoff::kMaxRetryAfterMs);
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "TestBackoff.moc"
