#include "ScenarioWorld.h"
#include "demo/DemoDataGenerator.h"

#include <QTest>

using loyalty::DemoDataGenerator;

// Over TLS with a certificate from `loyalty-hq cert`: a till that pins head office's key provisions,
// sells and syncs; a till pinning another key is refused before it sends anything.
class TestTlsSync final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qInfo("head office backend: %s", qPrintable(HqDatabase::backendName())); }

    void pinnedTillSyncsOverTls()
    {
        constexpr int kMembers = 20;
        ScenarioWorld world;
        QVERIFY2(world.setUp(kMembers, HqProcess::Transport::Tls), qPrintable(world.error()));
        QVERIFY2(world.hq().url().startsWith(QLatin1String("https://")), qPrintable(world.hq().url()));
        const QString pin = world.tls().value(QLatin1String("pin")).toString();
        QVERIFY2(pin.startsWith(QLatin1String("sha256/")), qPrintable(pin));

        TillFixture::Provisioning pinned;
        pinned.pin = pin;
        pinned.allowPlainLoopback = false;
        TillFixture* north = world.addTill(QStringLiteral("Till North"), {}, pinned);
        QVERIFY2(north, qPrintable(world.error()));
        TillFixture* south = world.addTill(QStringLiteral("Till South"), {}, pinned);
        QVERIFY2(south, qPrintable(world.error()));
        QVERIFY2(north->sale(ScenarioWorld::card(1), {DemoDataGenerator::productEanFor(1) + u":5"}),
                 qPrintable(north->error()));
        QVERIFY2(south->sale(ScenarioWorld::card(1), {DemoDataGenerator::productEanFor(2) + u":5"}),
                 qPrintable(south->error()));
        QVERIFY2(north->syncOk(), qPrintable(north->error()));
        // Verifying against the certificate as CA file instead of a pin works as well.
        TillFixture::Provisioning withCa;
        withCa.caFile = world.tls().value(QLatin1String("cert")).toString();
        withCa.allowPlainLoopback = false;
        TillFixture* east = world.addTill(QStringLiteral("Till East"), {}, withCa);
        QVERIFY2(east, qPrintable(world.error()));
        QVERIFY2(east->sale(ScenarioWorld::card(2), {DemoDataGenerator::productEanFor(3) + u":2"}),
                 qPrintable(east->error()));

        // The wrong key: refused, and nothing provisioned.
        TillFixture stranger(world.directory(), QStringLiteral("Till Stranger"));
        QVERIFY2(stranger.createDemo(kMembers), qPrintable(stranger.error()));
        TillFixture::Provisioning wrong;
        wrong.pin = QStringLiteral("sha256/") + QString::fromLatin1(QByteArray(32, '\x01').toBase64());
        wrong.allowPlainLoopback = false;
        QVERIFY(!stranger.provision(world.hqDatabase().url(), world.hq().url(), wrong));
        QVERIFY2(stranger.secret().isEmpty(), "a till that refused head office's certificate stored a secret");
        // Plain HTTP to a TLS head office does not work either.
        TillFixture plain(world.directory(), QStringLiteral("Till Plain"));
        QVERIFY2(plain.createDemo(kMembers), qPrintable(plain.error()));
        QVERIFY(
            !plain.provision(world.hqDatabase().url(),
                             QString(world.hq().url()).replace(QLatin1String("https://"), QLatin1String("http://"))));

        const QString problems = world.invariants();
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    }
};

QTEST_GUILESS_MAIN(TestTlsSync)
#include "TestTlsSync.moc"
