// A phone's digital card at the real sale path: the member is found by the card id that head
// office signed, and a card from an untrusted key changes nothing.
#include "cards/digital/CardTrustList.h"
#include "cards/digital/DigitalCardIssuer.h"
#include "cards/digital/Ed25519.h"
#include "demo/DemoDataGenerator.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestDigitalCardAtTheTill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void trustedDigitalCardAttachesTheMember();
    void untrustedDigitalCardIsRefused();

private:
    QString issue(quint16 keyId, const QByteArray& secretKey, const QString& cardId) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SaleSession> m_session;
    Ed25519KeyPair m_headOffice;
};

void TestDigitalCardAtTheTill::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(30).ok());
    const auto keys = Ed25519::generate();
    QVERIFY(keys.ok());
    m_headOffice = *keys;
    CardTrustList trust(m_database->connection(), *m_clock);
    QVERIFY(trust.add(7, m_headOffice.publicKey, m_clock->now().addDays(-30)).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_session = std::make_unique<SaleSession>(*m_database, *m_clock, *settings);
}

void TestDigitalCardAtTheTill::cleanup()
{
    m_session.reset();
    m_database.reset();
}

QString TestDigitalCardAtTheTill::issue(quint16 keyId, const QByteArray& secretKey, const QString& cardId) const
{
    DigitalCardToken token;
    token.cardId = cardId;
    token.issued = m_clock->now().addDays(-1);
    token.expiry = m_clock->now().addDays(365);
    token.keyId = keyId;
    const auto text = DigitalCardIssuer(keyId, secretKey).issue(token);
    return text.ok() ? *text : QString();
}

void TestDigitalCardAtTheTill::trustedDigitalCardAttachesTheMember()
{
    const QString token = issue(7, m_headOffice.secretKey, DemoDataGenerator::cardNumberFor(12));
    QVERIFY(token.startsWith(QStringLiteral("LTC1.")));
    const ScanOutcome outcome = m_session->scan(token, 1, CardSource::KeyboardWedge);
    QCOMPARE(outcome.kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(m_session->member()->member.id, 12);
}

void TestDigitalCardAtTheTill::untrustedDigitalCardIsRefused()
{
    const auto stranger = Ed25519::generate();
    QVERIFY(stranger.ok());
    // Right key id, wrong key: a forgery.
    const QString forged = issue(7, stranger->secretKey, DemoDataGenerator::cardNumberFor(12));
    const ScanOutcome outcome = m_session->scan(forged, 1, CardSource::KeyboardWedge);
    QCOMPARE(outcome.kind, ScanOutcome::Kind::Refused);
    QVERIFY(!m_session->member().has_value());
    QVERIFY(!outcome.message.contains(DemoDataGenerator::cardNumberFor(12)));
}

QTEST_GUILESS_MAIN(TestDigitalCardAtTheTill)
#include "TestDigitalCardAtTheTill.moc"
