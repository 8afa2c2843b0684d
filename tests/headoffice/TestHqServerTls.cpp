// Head office over HTTPS with the certificate `loyalty-hq cert` makes: a client that trusts it as
// its CA talks to head office, one that does not is refused before a byte of HTTP, and the pin the
// command prints is the SubjectPublicKeyInfo the server really presents.
#include "FaultyHeadOffice.h"
#include "HeadOffice.h"
#include "HqServerTestClient.h"
#include "HqTestSupport.h"
#include "http/HqServer.h"
#include "http/SelfSignedCertificate.h"
#include "http/TlsIdentity.h"
#include "store/HqDatabase.h"
#include "time/FixedClock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <sys/stat.h>

using namespace loyalty;
using namespace loyalty::test;

class TestHqServerTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void certificateFiles();
    void refusesToOverwrite();
    void certificateNamesTheHosts();
    void refusesABadHost();
    void trustedClientTalksToHeadOffice();
    void untrustedClientIsRefused();
    void plainHttpToTlsPortGetsNoAnswer();
    void printedPinIsTheServersKey();
    void mismatchedKeyIsRefused();
    void oversizedBodyOverTls();

private:
    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    QSslConfiguration trusting() const;
    qint64 eventCount() const { return hq::test::scalar(*m_database, QStringLiteral("SELECT count(*) FROM events")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<hq::HqDatabase> m_database;
    std::unique_ptr<hq::HeadOffice> m_office;
    std::unique_ptr<hq::HqServer> m_server;
    std::optional<hq::SelfSignedCertificate> m_certificate;
    QString m_certificateDir;
    quint16 m_port = 0;
};

void TestHqServerTls::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // The certificate is checked against the real time by TLS, so it is made now; head office's
    // own clock stays fixed for what it stamps.
    auto generated = hq::SelfSignedCertificate::generate({}, QDateTime::currentDateTimeUtc());
    QVERIFY2(generated.ok(), generated.ok() ? "" : qPrintable(generated.error().message));
    m_certificate = std::move(generated).value();
    m_certificateDir = m_dir->filePath(QStringLiteral("certs"));
    const auto written = m_certificate->writeTo(m_certificateDir);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));

    m_clock = std::make_unique<FixedClock>(QDateTime::currentDateTimeUtc());
    QString databaseText;
    LOYALTY_OPEN_TEST_HQ(*m_dir, databaseText, m_database);
    m_office = std::make_unique<hq::HeadOffice>(*m_database, *m_clock);
    m_server = std::make_unique<hq::HqServer>(*m_office, *m_clock);
    const auto identity =
        hq::TlsIdentity::load(QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kCertificateFile),
                              QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kKeyFile));
    QVERIFY2(identity.ok(), identity.ok() ? "" : qPrintable(identity.error().message));
    QVERIFY(identity->warnings.isEmpty());
    m_server->setTlsIdentity(identity->chain, identity->privateKey);
    QVERIFY(m_server->isTls());
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().message));
    m_port = *port;
}

void TestHqServerTls::cleanup()
{
    m_server.reset();
    m_office.reset();
    m_database.reset();
}

QSslConfiguration TestHqServerTls::trusting() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromData(m_certificate->certificatePem(), QSsl::Pem));
    return configuration;
}

void TestHqServerTls::certificateFiles()
{
    const QFileInfo key(QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kKeyFile));
    const QFileInfo certificate(QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kCertificateFile));
    QVERIFY(key.exists());
    QVERIFY(certificate.exists());
    QCOMPARE(key.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!(key.permissions() &
              (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther)));

    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificate.filePath());
    QCOMPARE(chain.size(), 1);
    const QSslCertificate& parsed = chain.first();
    QCOMPARE(parsed.publicKey().algorithm(), QSsl::Ec);
    QCOMPARE(parsed.publicKey().length(), 256);
    QVERIFY(parsed.isSelfSigned());
    // Two years, from about now.
    const qint64 validDays = parsed.effectiveDate().daysTo(parsed.expiryDate());
    QVERIFY2(validDays >= hq::SelfSignedCertificate::kValidDays &&
                 validDays <= hq::SelfSignedCertificate::kValidDays + 1,
             qPrintable(QString::number(validDays)));
    QVERIFY(parsed.effectiveDate() <= QDateTime::currentDateTimeUtc());
    const auto names = parsed.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
}

void TestHqServerTls::refusesToOverwrite()
{
    const QString keyPath = QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kKeyFile);
    QFile key(keyPath);
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray before = key.readAll();
    key.close();

    const auto other = hq::SelfSignedCertificate::generate({}, QDateTime::currentDateTimeUtc());
    QVERIFY(other.ok());
    const auto written = other->writeTo(m_certificateDir);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().reason, QStringLiteral("exists"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), before);

    // One of the two present is enough to refuse, and the other is then not written either.
    const QString half = m_dir->filePath(QStringLiteral("half"));
    QVERIFY(QDir().mkpath(half));
    QFile certificate(QDir(half).filePath(hq::SelfSignedCertificate::kCertificateFile));
    QVERIFY(certificate.open(QIODevice::WriteOnly));
    certificate.close();
    QVERIFY(!other->writeTo(half).ok());
    QVERIFY(!QFile::exists(QDir(half).filePath(hq::SelfSignedCertificate::kKeyFile)));
}

void TestHqServerTls::certificateNamesTheHosts()
{
    const auto certificate = hq::SelfSignedCertificate::generate(
        {QStringLiteral("hq.example.org"), QStringLiteral("10.1.2.3"), QStringLiteral("localhost")},
        QDateTime::currentDateTimeUtc());
    QVERIFY(certificate.ok());
    const auto names = QSslCertificate::fromData(certificate->certificatePem()).first().subjectAlternativeNames();
    QCOMPARE(names.values(QSsl::DnsEntry).size(), 2);
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("hq.example.org")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("10.1.2.3")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
    QVERIFY(certificate->pin() != m_certificate->pin());  // a new key each time
}

void TestHqServerTls::refusesABadHost()
{
    for (const QString& host : {QStringLiteral("bad host"), QStringLiteral("a,DNS:evil.example"), QString()}) {
        const auto certificate = hq::SelfSignedCertificate::generate({host}, QDateTime::currentDateTimeUtc());
        QVERIFY2(!certificate.ok(), qPrintable(host));
        QCOMPARE(certificate.error().reason, QStringLiteral("bad_host"));
    }
}

void TestHqServerTls::trustedClientTalksToHeadOffice()
{
    HqServerTestClient client(url());
    client.setSslConfiguration(trusting());
    const HttpAnswer status = client.send("GET", sync::kStatusPath);
    QCOMPARE(status.error, QNetworkReply::NoError);
    QVERIFY(status.sslErrors.isEmpty());
    QCOMPARE(status.status, 200);
    QCOMPARE(status.body.value(QStringLiteral("protocol")).toInt(), 1);

    // Provisioning and a signed push over TLS.
    const auto code = m_office->addTerminal(QStringLiteral("Till 1"));
    QVERIFY(code.ok());
    const HttpAnswer provisioned = client.send(
        "POST", sync::kProvisionPath, QJsonDocument(QJsonObject{{QStringLiteral("code"), code->code}}).toJson());
    QCOMPARE(provisioned.status, 200);
    Signer till;
    till.tillId = provisioned.body.value(QStringLiteral("till_id")).toString();
    till.secret = QByteArray::fromBase64(provisioned.body.value(QStringLiteral("secret")).toString().toLatin1());
    till.timestamp = m_clock->now().toSecsSinceEpoch();
    const QJsonObject event = hq::test::makeEvent(hq::test::newId(), till.tillId, 1, QStringLiteral("member.enrolled"),
                                                  {{QStringLiteral("member_uuid"), hq::test::newId()},
                                                   {QStringLiteral("name"), QStringLiteral("Max")},
                                                   {QStringLiteral("ledger"), QJsonArray{}}});
    const HttpAnswer pushed =
        client.send("POST", sync::kEventsPath,
                    QJsonDocument(QJsonObject{{QStringLiteral("events"), QJsonArray{event}}}).toJson(), till);
    QCOMPARE(pushed.status, 200);
    QCOMPARE(hq::test::statuses(pushed.body.value(QStringLiteral("results")).toArray()), QStringList{sync::kAccepted});
    QCOMPARE(eventCount(), 1);
}

void TestHqServerTls::untrustedClientIsRefused()
{
    const auto code = m_office->addTerminal(QStringLiteral("Till 1"));
    QVERIFY(code.ok());
    HqServerTestClient client(url());  // the system's CAs only
    const HttpAnswer answer = client.send("POST", sync::kProvisionPath,
                                          QJsonDocument(QJsonObject{{QStringLiteral("code"), code->code}}).toJson());
    QCOMPARE(answer.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!answer.sslErrors.isEmpty());
    QCOMPARE(answer.status, 0);
    // The code was never seen by head office: it still provisions a till.
    QVERIFY(m_office->provision(code->code, QStringLiteral("Till 1")).ok());

    // Trusting another self-signed certificate is no better.
    const auto stranger = hq::SelfSignedCertificate::generate({}, QDateTime::currentDateTimeUtc());
    QVERIFY(stranger.ok());
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromData(stranger->certificatePem()));
    HqServerTestClient wrongTrust(url());
    wrongTrust.setSslConfiguration(configuration);
    QCOMPARE(wrongTrust.send("GET", sync::kStatusPath).error, QNetworkReply::SslHandshakeFailedError);
}

void TestHqServerTls::plainHttpToTlsPortGetsNoAnswer()
{
    HqServerTestClient client(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    const HttpAnswer answer = client.send("GET", sync::kStatusPath);
    QVERIFY(answer.error != QNetworkReply::NoError);
    QVERIFY(answer.status != 200);
}

void TestHqServerTls::printedPinIsTheServersKey()
{
    HqServerTestClient client(url());
    client.setSslConfiguration(trusting());
    const HttpAnswer status = client.send("GET", sync::kStatusPath);
    QCOMPARE(status.status, 200);
    QVERIFY(!status.peerCertificate.isNull());
    // Computed here independently of CertificatePin: Qt's DER of the public key is the SPKI.
    const QByteArray spki = status.peerCertificate.publicKey().toDer();
    QVERIFY(!spki.isEmpty());
    const QString pin = QStringLiteral("sha256/") +
                        QString::fromLatin1(QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64());
    QCOMPARE(pin, m_certificate->pin());
    QCOMPARE(status.peerCertificate.toPem(), m_certificate->certificatePem());
}

void TestHqServerTls::mismatchedKeyIsRefused()
{
    const auto other = hq::SelfSignedCertificate::generate({}, QDateTime::currentDateTimeUtc());
    QVERIFY(other.ok());
    const QString otherDir = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(other->writeTo(otherDir).ok());
    const auto identity =
        hq::TlsIdentity::load(QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kCertificateFile),
                              QDir(otherDir).filePath(hq::SelfSignedCertificate::kKeyFile));
    QVERIFY(!identity.ok());
    QCOMPARE(identity.error().reason, QStringLiteral("key_mismatch"));

    const auto notAKey =
        hq::TlsIdentity::load(QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kCertificateFile),
                              QDir(m_certificateDir).filePath(hq::SelfSignedCertificate::kCertificateFile));
    QVERIFY(!notAKey.ok());
    QCOMPARE(notAKey.error().reason, QStringLiteral("bad_key"));
}

void TestHqServerTls::oversizedBodyOverTls()
{
    // The size guard sits on the decrypted stream as well.
    HqServerTestClient client(url());
    client.setSslConfiguration(trusting());
    const HttpAnswer answer = client.send("POST", sync::kEventsPath, QByteArray(sync::kMaxBodyBytes + 1, ' '));
    QCOMPARE(answer.status, 413);
    QCOMPARE(answer.errorCode(), QStringLiteral("too_large"));
    QCOMPARE(eventCount(), 0);
    QCOMPARE(client.send("GET", sync::kStatusPath).status, 200);  // and head office goes on serving
}

QTEST_GUILESS_MAIN(TestHqServerTls)
#include "TestHqServerTls.moc"
