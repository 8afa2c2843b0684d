#include "ScenarioWorld.h"

#include <QTest>

// Head office SIGKILLed while it applies a batch, then restarted on the same port and database: what it
// committed stays, nothing is applied twice, and the till delivers the rest.
class TestHqCrash final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void killedMidBatchAndRestarted()
    {
        constexpr int kMembers = 40;
        constexpr int kEvents = 6000;  // six batches of at most 1000
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(till, qPrintable(world.error()));
        const qint64 before = world.hqDatabase().count(QStringLiteral("events"));
        QVERIFY2(before >= 0, qPrintable(world.hqDatabase().error()));
        QVERIFY2(till->makeBacklog(kEvents, kMembers), qPrintable(till->error()));
        QCOMPARE(till->outboxCount(QStringLiteral("pending")), kEvents);

        auto sync = till->startCtl(
            {QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("30"), QStringLiteral("--json")});
        // As soon as head office has committed part of the backlog, but not all of it: SIGKILL.
        const qint64 seen = world.waitForHqEvents(before + 1, 120'000);
        world.hq().kill();
        QVERIFY2(sync->waitForFinished(120'000), "loyalty-ctl sync did not finish after head office died");
        const qint64 committed = world.hqDatabase().count(QStringLiteral("events")) - before;
        QVERIFY2(seen > before,
                 qPrintable(QStringLiteral("head office never committed an event: %1").arg(world.hq().log())));
        QVERIFY2(committed > 0 && committed < kEvents,
                 qPrintable(QStringLiteral("head office was not killed mid-backlog: %1 of %2 committed")
                                .arg(committed)
                                .arg(kEvents)));
        qInfo("killed with %lld of %d events committed at head office (batches of 1000)", committed, kEvents);
        const QByteArray syncOut = sync->readAllStandardOutput();
        QVERIFY2(sync->exitStatus() == QProcess::NormalExit, syncOut.constData());
        QVERIFY2(sync->exitCode() == 6,
                 qPrintable(QStringLiteral("sync with head office killed under it exited %1: %2 %3")
                                .arg(sync->exitCode())
                                .arg(QString::fromUtf8(syncOut), QString::fromUtf8(sync->readAllStandardError()))));
        // The till still owes what head office never acknowledged.
        QVERIFY(till->outboxCount(QStringLiteral("pending")) > 0);
        QVERIFY2(till->check(), qPrintable(till->error()));

        QVERIFY2(world.hq().restart(), qPrintable(world.hq().error()));
        const auto delivered = till->syncOk(120);
        QVERIFY2(delivered, qPrintable(till->error()));
        // Whatever head office had committed before it died comes back as duplicates, not twice.
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, kEvents);
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestHqCrash)
#include "TestHqCrash.moc"
