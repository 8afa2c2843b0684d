#include "FaultProxy.h"
#include "ScenarioWorld.h"
#include "demo/DemoDataGenerator.h"

#include <QTest>

using loyalty::DemoDataGenerator;

// 500s, 429s with Retry-After and time-outs between till and head office (answered or held by the
// loopback proxy), then success: nothing lost, nothing applied twice.
class TestTransientFailures final : public QObject
{
    Q_OBJECT

private:
    static constexpr int kMembers = 20;
    static constexpr int kSales = 6;

    // Sync rounds until one delivers everything (at most `rounds`); the last round's run.
    static ProcessRun syncUntilDelivered(TillFixture& till, int rounds, int timeoutSeconds)
    {
        ProcessRun run;
        for (int round = 0; round < rounds; ++round) {
            run = till.sync(timeoutSeconds);
            if (run.succeeded() && run.json().value(QLatin1String("pending")).toInteger(-1) == 0)
                break;
        }
        return run;
    }

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void failuresThenSuccess_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("times");
        QTest::addColumn<bool>("reachesHeadOffice");
        QTest::newRow("500 twice") << int(FaultProxy::Fault::Answer500) << 2 << false;
        QTest::newRow("429 with Retry-After") << int(FaultProxy::Fault::Answer429) << 1 << false;
        QTest::newRow("time-out, no answer") << int(FaultProxy::Fault::Hold) << 1 << false;
        QTest::newRow("time-out after head office applied it") << int(FaultProxy::Fault::HoldAfterForward) << 1 << true;
        QTest::newRow("slow answer within the time-out") << int(FaultProxy::Fault::Delay) << 1 << true;
    }

    void failuresThenSuccess()
    {
        QFETCH(int, fault);
        QFETCH(int, times);
        QFETCH(bool, reachesHeadOffice);
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        FaultProxy proxy(world.hq().port());
        QVERIFY2(proxy.start(), qPrintable(proxy.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"), proxy.url());
        QVERIFY2(till, qPrintable(world.error()));
        for (int sale = 0; sale < kSales; ++sale)
            QVERIFY2(till->sale(ScenarioWorld::card(1 + sale), {DemoDataGenerator::productEanFor(sale) + u":2"}),
                     qPrintable(till->error()));
        const qint64 before = world.hqDatabase().count(QStringLiteral("events"));

        FaultProxy::Rule rule{FaultProxy::Fault(fault), times, QByteArrayLiteral("/v1/events")};
        rule.retryAfterSeconds = 2;
        rule.delayMs = 1500;
        proxy.setRule(rule);
        const ProcessRun failed = till->sync(5);
        QVERIFY2(failed.finishedNormally, qPrintable(failed.describe()));
        QVERIFY(proxy.stats().faults >= 1);
        if (FaultProxy::Fault(fault) == FaultProxy::Fault::Delay) {
            QVERIFY2(failed.exitCode == 0, qPrintable(failed.describe()));
        } else if (failed.exitCode == 6) {
            // Head office unreachable as far as the till can tell: everything stays pending, and it is
            // a reason to back off, not head office refusing the till.
            QCOMPARE(failed.json().value(QLatin1String("online")).toBool(true), false);
            const QString error = failed.json().value(QLatin1String("error")).toString();
            QVERIFY2(!error.isEmpty() && !QStringList({QStringLiteral("replayed"), QStringLiteral("unauthenticated"),
                                                       QStringLiteral("bad_signature"), QStringLiteral("unknown_till"),
                                                       QStringLiteral("malformed")})
                                              .contains(error),
                     qPrintable(failed.describe()));
            QCOMPARE(till->outboxCount(QStringLiteral("pending")), kSales);
            QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, reachesHeadOffice ? kSales : 0);
        } else {
            QVERIFY2(failed.exitCode == 0, qPrintable(failed.describe()));
        }
        const ProcessRun delivered = syncUntilDelivered(*till, 5, 30);
        QVERIFY2(delivered.succeeded() && delivered.json().value(QLatin1String("pending")).toInteger(-1) == 0,
                 qPrintable(delivered.describe()));
        QCOMPARE(proxy.stats().faults, times);
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, kSales);
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // Head office gone behind a proxy that refuses connections: offline, then back.
    void refusedConnectionsThenBack()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        FaultProxy proxy(world.hq().port());
        QVERIFY2(proxy.start(), qPrintable(proxy.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"), proxy.url());
        QVERIFY2(till, qPrintable(world.error()));
        QVERIFY2(till->sale(ScenarioWorld::card(1), {DemoDataGenerator::productEanFor(1) + u":3"}),
                 qPrintable(till->error()));
        QVERIFY(proxy.setRefusing(true));
        const ProcessRun refused = till->sync(30);
        QVERIFY2(refused.finishedNormally && refused.exitCode == 6, qPrintable(refused.describe()));
        QCOMPARE(refused.json().value(QLatin1String("online")).toBool(true), false);
        QCOMPARE(refused.json().value(QLatin1String("pending")).toInteger(-1), 1);
        QVERIFY(proxy.setRefusing(false));
        QVERIFY2(till->syncOk(), qPrintable(till->error()));
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestTransientFailures)
#include "TestTransientFailures.moc"
