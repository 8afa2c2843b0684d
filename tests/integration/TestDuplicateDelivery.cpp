#include "FaultProxy.h"
#include "HttpMessage.h"
#include "RawHttp.h"
#include "ScenarioWorld.h"
#include "demo/DemoDataGenerator.h"

#include <QJsonArray>
#include <QTest>

#include <memory>
#include <vector>

using loyalty::DemoDataGenerator;

// The same batch delivered twice (replayed byte for byte under a fresh signature), and delivered by two
// sync processes of one till at the same moment, and two tills pushing at once: head office applies
// every event once.
class TestDuplicateDelivery final : public QObject
{
    Q_OBJECT

private:
    static constexpr int kMembers = 20;

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void sameBatchTwice()
    {
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        FaultProxy proxy(world.hq().port());
        QVERIFY2(proxy.start(), qPrintable(proxy.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"), proxy.url());
        QVERIFY2(till, qPrintable(world.error()));
        for (int sale = 0; sale < 8; ++sale)
            QVERIFY2(till->sale(ScenarioWorld::card(1 + sale), {DemoDataGenerator::productEanFor(sale) + u":2"}),
                     qPrintable(till->error()));
        const auto first = till->syncOk();
        QVERIFY2(first, qPrintable(till->error()));
        QCOMPARE(first->value(QLatin1String("accepted")).toInteger(-1), 8);
        const qint64 events = world.hqDatabase().count(QStringLiteral("events"));

        // The push the till sent, as the proxy saw it.
        QByteArray body;
        for (const QByteArray& request : proxy.requests())
            if (request.startsWith("POST /v1/events"))
                body = request.mid(HttpMessage::headLength(request));
        QVERIFY2(!body.isEmpty(), "the proxy saw no push");
        const RawHttp http(world.hq().port());
        const RawHttp::Signer signer{till->tillId().toUtf8(), till->secret()};
        const RawHttp::Response again = http.signedRequest(signer, "POST", "/v1/events", body);
        QVERIFY2(again.status == 200, qPrintable(again.describe()));
        const QJsonArray results = again.json().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 8);
        for (const auto& result : results)
            QCOMPARE(result.toObject().value(QLatin1String("status")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")), events);
        const QJsonObject stats = world.hqJson({QStringLiteral("stats")});
        QVERIFY2(stats.value(QLatin1String("duplicates_refused")).toInteger(0) >= 8, qPrintable(world.error()));
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }

    void twoSyncProcessesOfOneTillAtOnce()
    {
        constexpr int kEvents = 3000;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* till = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(till, qPrintable(world.error()));
        QVERIFY2(till->makeBacklog(kEvents, kMembers), qPrintable(till->error()));
        const qint64 before = world.hqDatabase().count(QStringLiteral("events"));
        const QStringList arguments{QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("60"),
                                    QStringLiteral("--json")};
        auto one = till->startCtl(arguments);
        auto two = till->startCtl(arguments);
        for (QProcess* process : {one.get(), two.get()}) {
            QVERIFY2(process->waitForFinished(600'000), "a sync process did not finish");
            // Either may lose the race for the till's database or for an event; neither may crash.
            QVERIFY2(process->exitStatus() == QProcess::NormalExit, process->readAllStandardError().constData());
        }
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before,
                 till->outboxCount(QStringLiteral("acknowledged")));
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, kEvents);
    }

    void twoTillsPushingAtOnce()
    {
        constexpr int kEvents = 2000;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers), qPrintable(world.error()));
        TillFixture* north = world.addTill(QStringLiteral("Till North"));
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"));
        QVERIFY2(south, qPrintable(world.error()));
        QVERIFY2(north->makeBacklog(kEvents, kMembers), qPrintable(north->error()));
        QVERIFY2(south->makeBacklog(kEvents, kMembers), qPrintable(south->error()));
        const qint64 before = world.hqDatabase().count(QStringLiteral("events"));
        const QStringList arguments{QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("60"),
                                    QStringLiteral("--json")};
        auto fromNorth = north->startCtl(arguments);
        auto fromSouth = south->startCtl(arguments);
        for (QProcess* process : {fromNorth.get(), fromSouth.get()}) {
            QVERIFY2(process->waitForFinished(600'000), "a sync process did not finish");
            QVERIFY2(process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0,
                     QByteArray(process->readAllStandardOutput() + process->readAllStandardError()).constData());
        }
        QCOMPARE(world.hqDatabase().count(QStringLiteral("events")) - before, 2 * kEvents);
        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestDuplicateDelivery)
#include "TestDuplicateDelivery.moc"
