#include "FaultProxy.h"
#include "ScenarioWorld.h"
#include "demo/DemoDataGenerator.h"

#include <QTest>

using loyalty::DemoDataGenerator;

// The connection cut while head office's answer is on its way (the loopback proxy drops or truncates
// it), so the till never sees an acknowledgement it was owed: it must send again, and head office must
// answer "duplicate" instead of applying anything twice.
class TestConnectionCut final : public QObject
{
    Q_OBJECT

private:
    static constexpr int kMembers = 20;
    static constexpr int kSales = 12;

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void cutMidResponse_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("reachesHeadOffice");
        QTest::newRow("dropped before the request reaches head office") << int(FaultProxy::Fault::DropRequest) << false;
        QTest::newRow("dropped before a byte of the answer") << int(FaultProxy::Fault::DropResponse) << true;
        QTest::newRow("cut in the middle of the answer") << int(FaultProxy::Fault::CutResponse) << true;
    }

    void cutMidResponse()
    {
        QFETCH(int, fault);
        QFETCH(bool, reachesHeadOffice);
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        FaultProxy proxy(world.hq().port());
        QVERIFY2(proxy.start(), qPrintable(proxy.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"), proxy.url());
        QVERIFY2(till, qPrintable(world.error()));
        for (int sale = 0; sale < kSales; ++sale)
            QVERIFY2(
                till->sale(ScenarioWorld::card(1 + sale % kMembers), {DemoDataGenerator::productEanFor(sale) + u":2"}),
                qPrintable(till->error()));
        const qint64 before = world.hqDatabase().count(QStringLiteral("events"));

        proxy.setRule({FaultProxy::Fault(fault), 1, QByteArrayLiteral("/v1/events")});
        const ProcessRun cut = till->sync(20);
        QCOMPARE(proxy.stats().faults, 1);
        QVERIFY2(cut.finishedNormally && (cut.exitCode == 6 || cut.exitCode == 0), qPrintable(cut.describe()));
        qint64 duplicates = cut.json().value(QLatin1String("duplicates")).toInteger(0);
        qint64 accepted = cut.json().value(QLatin1String("accepted")).toInteger(0);
        if (cut.exitCode == 6) {
            // A cut connection is a connection error (back off and send again), never head office
            // refusing the till: a request resent with the nonce it already used would be "replayed".
            const QString error = cut.json().value(QLatin1String("error")).toString();
            QVERIFY2(!QStringList({QStringLiteral("replayed"), QStringLiteral("unauthenticated"),
                                   QStringLiteral("bad_signature"), QStringLiteral("unknown_till")})
                          .contains(error),
                     qPrintable(QStringLiteral("a cut connection ended as a refusal (%1): %2\n%3")
                                    .arg(error, cut.describe(), world.hq().log())));
            // Not a single acknowledgement reached the till...
            QCOMPARE(till->outboxCount(QStringLiteral("pending")), kSales);
            // ...although head office applied the batch when the request got through.
            QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, reachesHeadOffice ? kSales : 0);
            const auto again = till->syncOk();
            QVERIFY2(again, qPrintable(till->error()));
            duplicates += again->value(QLatin1String("duplicates")).toInteger(-1);
            accepted += again->value(QLatin1String("accepted")).toInteger(-1);
        }
        // The resent batch: what head office had applied comes back as duplicates.
        QCOMPARE(duplicates, reachesHeadOffice ? kSales : 0);
        QCOMPARE(accepted, reachesHeadOffice ? 0 : kSales);
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, kSales);
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    // The pull side: a page of changes cut short is fetched again, never applied half.
    void cutWhilePulling()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        FaultProxy proxy(world.hq().port());
        QVERIFY2(proxy.start(), qPrintable(proxy.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"), proxy.url());
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        for (int sale = 0; sale < kSales; ++sale)
            QVERIFY2(
                south->sale(ScenarioWorld::card(1 + sale % kMembers), {DemoDataGenerator::productEanFor(sale) + u":3"}),
                qPrintable(south->error()));
        QVERIFY2(south->syncOk(), qPrintable(south->error()));
        proxy.setRule({FaultProxy::Fault::CutResponse, 1, QByteArrayLiteral("/v1/changes")});
        const ProcessRun cut = north->sync(20);
        QCOMPARE(proxy.stats().faults, 1);
        QVERIFY2(cut.finishedNormally && (cut.exitCode == 6 || cut.exitCode == 0), qPrintable(cut.describe()));
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestConnectionCut)
#include "TestConnectionCut.moc"
