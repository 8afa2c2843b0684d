#include "ScenarioWorld.h"

#include <QTest>

// The till's sync process SIGKILLed in the middle of pushing: its database stays consistent, and the
// next round resumes where the last acknowledgement left off without sending anything twice to effect.
class TestTillKilled final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void killedDuringSyncThenSyncsAgain()
    {
        constexpr int kMembers = 30;
        constexpr int kEvents = 6000;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(till, qPrintable(world.error()));
        QVERIFY2(till->makeBacklog(kEvents, kMembers), qPrintable(till->error()));
        const qint64 before = world.hqDatabase().count(QStringLiteral("events"));

        auto sync = till->startCtl(
            {QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("60"), QStringLiteral("--json")});
        world.waitForHqEvents(before + 1, 120'000);
        sync->kill();
        QVERIFY(sync->waitForFinished(30'000));
        QCOMPARE(sync->exitStatus(), QProcess::CrashExit);
        const qint64 committed = world.hqDatabase().count(QStringLiteral("events")) - before;
        QVERIFY2(
            committed > 0 && committed < kEvents,
            qPrintable(QStringLiteral("not killed mid-backlog: %1 of %2 at head office").arg(committed).arg(kEvents)));
        qInfo("killed with %lld of %d events committed at head office (batches of 1000)", committed, kEvents);
        // Nothing the till marked acknowledged is missing at head office.
        QVERIFY(till->outboxCount(QStringLiteral("acknowledged")) <= committed);
        QVERIFY2(till->check(), qPrintable(till->error()));

        const auto resumed = till->syncOk(120);
        QVERIFY2(resumed, qPrintable(till->error()));
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, kEvents);
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestTillKilled)
#include "TestTillKilled.moc"
