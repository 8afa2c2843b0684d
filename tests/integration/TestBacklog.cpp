#include "ScenarioWorld.h"

#include <QElapsedTimer>
#include <QTest>

// A backlog of 100,000 events after a long outage (LOYALTY_TEST_BACKLOG overrides the number), pushed
// by ordinary sync rounds; the throughput is measured and printed, never asserted.
class TestBacklog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void hundredThousandEventsAfterAnOutage()
    {
        const int events = qEnvironmentVariableIsSet("LOYALTY_TEST_BACKLOG")
                               ? qEnvironmentVariableIntValue("LOYALTY_TEST_BACKLOG")
                               : 100'000;
        constexpr int kMembers = 2000;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(till, qPrintable(world.error()));
        TillFixture* other = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(other, qPrintable(world.error()));
        QVERIFY2(world.hq().stop(), qPrintable(world.hq().error()));

        QElapsedTimer making;
        making.start();
        QVERIFY2(till->makeBacklog(events, kMembers), qPrintable(till->error()));
        qInfo("backlog of %d events written in %.1f s", events, double(making.elapsed()) / 1000.0);
        QCOMPARE(till->outboxCount(QStringLiteral("pending")), events);
        QVERIFY2(world.hq().restart(), qPrintable(world.hq().error()));
        const qint64 before = world.hqDatabase().count(QStringLiteral("events"));

        QElapsedTimer pushing;
        pushing.start();
        int rounds = 0;
        qint64 pending = events;
        while (pending > 0 && rounds < 50) {
            ++rounds;
            const ProcessRun run = till->sync(300);
            QVERIFY2(run.succeeded(), qPrintable(run.describe() + world.hq().log()));
            pending = run.json().value(QLatin1String("pending")).toInteger(-1);
            QVERIFY2(pending >= 0, qPrintable(run.describe()));
        }
        const double seconds = double(pushing.elapsed()) / 1000.0;
        QCOMPARE(pending, 0);
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, events);
        qInfo("pushed %d events to head office (%s) in %.1f s over %d sync round(s): %.0f events/s", events,
              qPrintable(HqDatabase::backendName()), seconds, rounds, double(events) / seconds);

        // The other till pulls what the backlog booked for everyone: that is the other half of converging.
        QElapsedTimer pulling;
        pulling.start();
        const auto pulled = other->syncOk(600);
        QVERIFY2(pulled, qPrintable(other->error()));
        qInfo("the other till pulled %lld changes in %.1f s", pulled->value(QLatin1String("pulled")).toInteger(),
              double(pulling.elapsed()) / 1000.0);

        QStringList cards;
        for (int member = 1; member <= kMembers; member += 100)
            cards << ScenarioWorld::card(member);
        const QString problems = world.invariants(cards);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestBacklog)
#include "TestBacklog.moc"
