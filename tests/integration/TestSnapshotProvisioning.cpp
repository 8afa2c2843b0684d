#include "ScenarioWorld.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

// A new till from head office's published snapshot file (`loyalty-hq snapshot`, GET /v1/snapshot)
// holds what a till provisioned row by row from the paged feed holds: the same members and cards, the
// same balances as head office, and both carry on with the feed. A PostgreSQL head office keeps no
// snapshot: the till falls back to the paged feed and says why.
class TestSnapshotProvisioning final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void snapshotTillEqualsRowByRowTill()
    {
        constexpr int kMembers = 300;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        const bool sqlite = HqDatabase::backendName() == QLatin1String("sqlite");

        // Before anything is published: the paged feed, row by row.
        TillFixture rowByRow(world.directory(), QStringLiteral("Till Rows"));
        const auto rows = provision(world, rowByRow);
        QVERIFY2(rows, qPrintable(rowByRow.error()));
        QCOMPARE(rows->value(QLatin1String("snapshot_used")).toBool(), false);
        QCOMPARE(rows->value(QLatin1String("snapshot_skipped")).toString(), QStringLiteral("no_snapshot"));

        QVERIFY2(world.hq().stop(), qPrintable(world.hq().log()));
        const ProcessRun published = world.hq().cli({QStringLiteral("snapshot"), QStringLiteral("--json")});
        if (sqlite)
            QVERIFY2(published.succeeded(), qPrintable(published.describe()));
        QVERIFY2(world.hq().restart(), qPrintable(world.hq().error()));

        TillFixture fromFile(world.directory(), QStringLiteral("Till File"));
        const auto adopted = provision(world, fromFile);
        QVERIFY2(adopted, qPrintable(fromFile.error()));
        QCOMPARE(adopted->value(QLatin1String("snapshot_used")).toBool(), sqlite);
        if (!sqlite)
            QCOMPARE(adopted->value(QLatin1String("snapshot_skipped")).toString(), QStringLiteral("no_snapshot"));
        QCOMPARE(adopted->value(QLatin1String("members")).toInt(), kMembers);
        QVERIFY(!QFile::exists(fromFile.databasePath() + QStringLiteral(".snapshot.part")));
        QCOMPARE(fromFile.setting(QStringLiteral("sync.provisioned")), QStringLiteral("1"));

        const QStringList listing{QStringLiteral("members"), QStringLiteral("--limit"), QStringLiteral("5000")};
        const auto expected = rowByRow.ctlJson(listing);
        QVERIFY2(expected, qPrintable(rowByRow.error()));
        const auto actual = fromFile.ctlJson(listing);
        QVERIFY2(actual, qPrintable(fromFile.error()));
        QCOMPARE(actual->value(QLatin1String("members")).toArray().size(), kMembers);
        QCOMPARE(actual->value(QLatin1String("members")), expected->value(QLatin1String("members")));

        QStringList cards;
        for (int member : {1, 2, 150, 299, kMembers})
            cards << ScenarioWorld::card(member);
        const QString problems =
            Invariants::afterScenario(world.hqDatabase().url(), world.hqDatabase(), {&rowByRow, &fromFile}, cards);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

private:
    // TillFixture::provision, keeping loyalty-ctl provision's JSON (snapshot_used, snapshot_skipped).
    static std::optional<QJsonObject> provision(ScenarioWorld& world, TillFixture& till)
    {
        // A new till's database: an empty file (loyalty-ctl provision refuses a path where there is none).
        QFile empty(till.databasePath());
        if (!empty.open(QIODevice::WriteOnly))
            return std::nullopt;
        empty.close();
        const ProcessRun terminal = world.hq().cli({QStringLiteral("terminal"), QStringLiteral("add"),
                                                    QStringLiteral("--name"), till.name(), QStringLiteral("--json")});
        const QString code = terminal.json().value(QLatin1String("code")).toString();
        if (!terminal.succeeded() || code.isEmpty())
            return std::nullopt;
        return till.ctlJson({QStringLiteral("provision"), QStringLiteral("--hq"), world.hq().url(),
                             QStringLiteral("--code"), code, QStringLiteral("--allow-plain-loopback")});
    }
};

QTEST_GUILESS_MAIN(TestSnapshotProvisioning)
#include "TestSnapshotProvisioning.moc"
