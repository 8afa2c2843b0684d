#include "FaultProxy.h"
#include "ScenarioWorld.h"
#include "sync/SyncSettingKeys.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

// Provisioning a new till with an empty database from a head office with a few thousand members: the
// snapshot is paged, a cut in the middle of it is resumed by the next sync round from the cursor, and
// in the end every member is findable at the till with head office's balance.
class TestSnapshotResume final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void cutMidSnapshotAndResumed()
    {
        constexpr int kMembers = 3000;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        FaultProxy proxy(world.hq().port());
        QVERIFY2(proxy.start(), qPrintable(proxy.error()));
        // The first page of the snapshot passes, the second is cut in the middle of its answer.
        FaultProxy::Rule cut{FaultProxy::Fault::CutResponse, 1, QByteArrayLiteral("/v1/changes")};
        cut.skip = 1;
        proxy.setRule(cut);
        auto till = std::make_unique<TillFixture>(world.directory(), QStringLiteral("Till New"));
        // A new till's database: an empty file (loyalty-ctl provision refuses a path where there is none).
        QFile empty(till->databasePath());
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const bool provisioned = till->provision(world.hqDatabase().url(), proxy.url());
        QVERIFY2(proxy.stats().faults == 1,
                 qPrintable(QStringLiteral("%1 requests, no cut; %2").arg(proxy.stats().requests).arg(till->error())));
        // Provisioning itself may report the cut or leave the rest to the next round; either way the
        // till knows its snapshot is not complete yet.
        if (provisioned)
            QVERIFY2(till->setting(loyalty::sync::kProvisionedKey) != QLatin1String("1"),
                     "the till says its snapshot is complete although a page of it was cut");
        QVERIFY2(!till->secret().isEmpty(),
                 qPrintable(QStringLiteral("provisioning lost the till's secret: ") + till->error()));
        const auto partial =
            till->ctlJson({QStringLiteral("members"), QStringLiteral("--limit"), QStringLiteral("5000")});
        QVERIFY2(partial, qPrintable(till->error()));
        const qsizetype partialCount = partial->value(QLatin1String("members")).toArray().size();
        QVERIFY2(partialCount < kMembers, qPrintable(QString::number(partialCount)));

        const int pagesBefore = proxy.stats().requests;
        // "Run the same command again to continue" (loyalty-ctl provision): the code was used once,
        // the till continues from its cursor.
        QVERIFY2(till->resumeProvisioning(), qPrintable(till->error()));
        QVERIFY2(till->syncOk(300), qPrintable(till->error()));
        QCOMPARE(till->setting(loyalty::sync::kProvisionedKey), QStringLiteral("1"));
        // Resumed from the cursor, not from the beginning: fewer pages than a full snapshot needs.
        qInfo("snapshot: %d requests before the cut, %d after", pagesBefore, proxy.stats().requests - pagesBefore);

        const auto members =
            till->ctlJson({QStringLiteral("members"), QStringLiteral("--limit"), QStringLiteral("5000")});
        QVERIFY2(members, qPrintable(till->error()));
        QCOMPARE(members->value(QLatin1String("members")).toArray().size(), kMembers);
        QStringList cards;
        for (int member : {1, 2, 999, 1000, 1001, 1999, 2500, kMembers})
            cards << ScenarioWorld::card(member);
        const QString problems =
            Invariants::afterScenario(world.hqDatabase().url(), world.hqDatabase(), {till.get()}, cards);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotResume)
#include "TestSnapshotResume.moc"
