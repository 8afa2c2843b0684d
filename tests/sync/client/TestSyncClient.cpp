// SyncClient over real loopback sockets: plain http only to loopback and only when allowed, TLS
// verified against a CA file or a pinned key (and refused otherwise), signed requests head office
// can verify, and a time-out that ends an unanswered request.
#include "ScriptedHttpServer.h"
#include "sync/client/CertificatePin.h"
#include "sync/client/SyncClient.h"
#include "sync/protocol/RequestSignature.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/FixedClock.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using loyalty::FixedClock;
using loyalty::sync::CertificatePin;
using loyalty::sync::RequestSignature;
using loyalty::sync::SyncClient;
using loyalty::sync::SyncEndpoint;
using loyalty::sync::SyncReply;

namespace {

ScriptedHttpServer::Response statusAnswer()
{
    return {200,
            {{QStringLiteral("protocol"), 1}, {QStringLiteral("server_time"), QStringLiteral("2026-12-01T09:00:00Z")}},
            {}};
}

QByteArray run(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

// A self-signed certificate for 127.0.0.1 and localhost, made by the openssl command line.
bool makeCertificate(const QString& directory, const QString& name)
{
    const QByteArray out =
        run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), directory + u'/' + name + QStringLiteral(".key"), QStringLiteral("-out"),
             directory + u'/' + name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
             QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost")});
    return QFile::exists(directory + u'/' + name + QStringLiteral(".pem"));
}

// The pin as the openssl command line computes it, independently of CertificatePin.
QString opensslPin(const QString& certificatePath)
{
    const QByteArray publicKey = run({QStringLiteral("x509"), QStringLiteral("-in"), certificatePath,
                                      QStringLiteral("-pubkey"), QStringLiteral("-noout")});
    const QByteArray der =
        run({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-outform"), QStringLiteral("der")},
            publicKey);
    if (der.isEmpty())
        return {};
    return QStringLiteral("sha256/") +
           QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toBase64());
}

QSslCertificate certificateAt(const QString& path)
{
    return QSslCertificate::fromPath(path, QSsl::Pem).value(0);
}

QSslKey keyAt(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QSslKey(file.readAll(), QSsl::Ec);
}

}  // namespace

class TestSyncClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void plainHttpToRemoteHostIsRefused();
    void plainHttpIsRefusedUnlessAllowed();
    void plainHttpToLoopbackWhenAllowed();
    void closedPortIsUnavailable();
    void unansweredRequestTimesOut();
    void untrustedCertificateIsRefused();
    void pinMatchesOpenssl();
    void pinnedKeyIsAccepted();
    void wrongPinIsRefused();
    void caFileIsAccepted();
    void otherCaIsRefused();
    void signedRequestVerifies();
    void errorBodyIsClassified();

private:
    SyncEndpoint endpointFor(const QString& url) const;

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    QString m_otherCertificate;
    FixedClock m_clock{QDateTime::fromString(QStringLiteral("2026-12-01T09:00:00Z"), Qt::ISODate)};
};

void TestSyncClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(makeCertificate(m_dir.path(), QStringLiteral("hq")), "openssl could not make a certificate");
    QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("other")));
    m_certificate = m_dir.filePath(QStringLiteral("hq.pem"));
    m_key = m_dir.filePath(QStringLiteral("hq.key"));
    m_otherCertificate = m_dir.filePath(QStringLiteral("other.pem"));
    QVERIFY(!certificateAt(m_certificate).isNull());
    QVERIFY(!keyAt(m_key).isNull());
}

SyncEndpoint TestSyncClient::endpointFor(const QString& url) const
{
    SyncEndpoint endpoint;
    endpoint.url = QUrl(url, QUrl::StrictMode);
    endpoint.tillId = QStringLiteral("5b0c7d3e-0000-4000-8000-000000000001");
    endpoint.secret = QByteArray(32, 'k');
    return endpoint;
}

void TestSyncClient::plainHttpToRemoteHostIsRefused()
{
    SyncEndpoint endpoint = endpointFor(QStringLiteral("http://192.0.2.10:8080"));
    endpoint.allowPlainLoopback = true;
    SyncClient client(m_clock, endpoint);
    const SyncReply reply = client.status();
    QCOMPARE(reply.outcome, SyncReply::Outcome::Insecure);
    QCOMPARE(reply.error, QStringLiteral("plain_http_refused"));
    QCOMPARE(reply.httpStatus, 0);
}

void TestSyncClient::plainHttpIsRefusedUnlessAllowed()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) { return statusAnswer(); });
    QVERIFY(server.start());
    SyncClient client(m_clock, endpointFor(server.url()));
    QCOMPARE(client.status().outcome, SyncReply::Outcome::Insecure);
    QVERIFY(server.requests().isEmpty());
}

void TestSyncClient::plainHttpToLoopbackWhenAllowed()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) { return statusAnswer(); });
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.allowPlainLoopback = true;
    SyncClient client(m_clock, endpoint);
    const SyncReply reply = client.status();
    QCOMPARE(reply.outcome, SyncReply::Outcome::Ok);
    QCOMPARE(reply.serverTime, m_clock.now());
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().target, QByteArray("/v1/status"));
}

void TestSyncClient::closedPortIsUnavailable()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    SyncEndpoint endpoint = endpointFor(QStringLiteral("http://127.0.0.1:%1").arg(port));
    endpoint.allowPlainLoopback = true;
    SyncClient client(m_clock, endpoint);
    const SyncReply reply = client.changes(QString(), 1000);
    QCOMPARE(reply.outcome, SyncReply::Outcome::Unavailable);
    QCOMPARE(reply.error, QStringLiteral("connection_refused"));
}

void TestSyncClient::unansweredRequestTimesOut()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) {
        return ScriptedHttpServer::Response{0, {}, {}};
    });
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.allowPlainLoopback = true;
    SyncClient client(m_clock, endpoint, 300);
    const SyncReply reply = client.status();
    QCOMPARE(reply.outcome, SyncReply::Outcome::Unavailable);
    QCOMPARE(reply.error, QStringLiteral("timeout"));
}

void TestSyncClient::untrustedCertificateIsRefused()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) { return statusAnswer(); });
    server.useTls(certificateAt(m_certificate), keyAt(m_key));
    QVERIFY(server.start());
    SyncClient client(m_clock, endpointFor(server.url()));
    const SyncReply reply = client.status();
    QCOMPARE(reply.outcome, SyncReply::Outcome::Insecure);
    QCOMPARE(reply.error, QStringLiteral("untrusted_certificate"));
    QVERIFY(server.requests().isEmpty());
}

void TestSyncClient::pinMatchesOpenssl()
{
    const QString expected = opensslPin(m_certificate);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(CertificatePin::of(certificateAt(m_certificate)), expected);
    QVERIFY(CertificatePin::isWellFormed(expected));
    QVERIFY(!CertificatePin::isWellFormed(QStringLiteral("sha256/abc")));
    QVERIFY(!CertificatePin::isWellFormed(expected.mid(7)));
}

void TestSyncClient::pinnedKeyIsAccepted()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) { return statusAnswer(); });
    server.useTls(certificateAt(m_certificate), keyAt(m_key));
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.pin = opensslPin(m_certificate);
    SyncClient client(m_clock, endpoint);
    const SyncReply reply = client.status();
    QCOMPARE(reply.outcome, SyncReply::Outcome::Ok);
    QCOMPARE(server.requests().size(), 1);
    // The pin names the key, so the name in the URL does not matter.
    SyncEndpoint byName = endpointFor(server.url(QStringLiteral("localhost")));
    byName.pin = endpoint.pin;
    SyncClient second(m_clock, byName);
    QCOMPARE(second.status().outcome, SyncReply::Outcome::Ok);
}

void TestSyncClient::wrongPinIsRefused()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) { return statusAnswer(); });
    server.useTls(certificateAt(m_certificate), keyAt(m_key));
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.pin = opensslPin(m_otherCertificate);
    SyncClient client(m_clock, endpoint);
    const SyncReply reply = client.status();
    QCOMPARE(reply.outcome, SyncReply::Outcome::Insecure);
    QCOMPARE(reply.error, QStringLiteral("untrusted_certificate"));
    QVERIFY(server.requests().isEmpty());
}

void TestSyncClient::caFileIsAccepted()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) { return statusAnswer(); });
    server.useTls(certificateAt(m_certificate), keyAt(m_key));
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.caFile = m_certificate;
    SyncClient client(m_clock, endpoint);
    QCOMPARE(client.status().outcome, SyncReply::Outcome::Ok);
}

void TestSyncClient::otherCaIsRefused()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) { return statusAnswer(); });
    server.useTls(certificateAt(m_certificate), keyAt(m_key));
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.caFile = m_otherCertificate;
    // A matching pin does not override a CA file that does not vouch for the server.
    endpoint.pin = opensslPin(m_certificate);
    SyncClient client(m_clock, endpoint);
    QCOMPARE(client.status().outcome, SyncReply::Outcome::Insecure);
    QVERIFY(server.requests().isEmpty());
}

void TestSyncClient::signedRequestVerifies()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) {
        return ScriptedHttpServer::Response{200,
                                            {{QStringLiteral("changes"), QJsonArray()},
                                             {QStringLiteral("cursor"), QStringLiteral("c2")},
                                             {QStringLiteral("more"), false},
                                             {QStringLiteral("remaining"), 0},
                                             {QStringLiteral("server_time"), QStringLiteral("2026-12-01T09:00:00Z")}},
                                            {}};
    });
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.allowPlainLoopback = true;
    endpoint.clockOffsetSeconds = 7200;
    SyncClient client(m_clock, endpoint);
    QCOMPARE(client.changes(QStringLiteral("a b/+=&c"), 2000).outcome, SyncReply::Outcome::Ok);
    QCOMPARE(client.pushEvents(R"({"events":[]})").outcome, SyncReply::Outcome::Ok);
    QCOMPARE(server.requests().size(), 2);
    for (const auto& request : server.requests()) {
        RequestSignature signature;
        signature.method = request.method;
        signature.target = request.target;
        signature.body = request.body;
        signature.timestamp = request.headers.value("x-loyalty-timestamp").toLongLong();
        signature.nonce = request.headers.value("x-loyalty-nonce");
        signature.tillId = request.headers.value("x-loyalty-till");
        QCOMPARE(signature.tillId, endpoint.tillId.toUtf8());
        QVERIFY(RequestSignature::isWellFormedNonce(signature.nonce));
        // Signed with head office's time: the till's clock plus the offset.
        QCOMPARE(signature.timestamp, m_clock.now().toSecsSinceEpoch() + 7200);
        QVERIFY2(signature.matches(endpoint.secret, request.headers.value("x-loyalty-signature")),
                 signature.canonical().constData());
    }
    const QByteArray target = server.requests().first().target;
    QVERIFY2(target.startsWith("/v1/changes?cursor=") && target.endsWith("&limit=2000"), target.constData());
    QVERIFY(server.requests().first().headers.value("x-loyalty-nonce") !=
            server.requests().last().headers.value("x-loyalty-nonce"));
}

void TestSyncClient::errorBodyIsClassified()
{
    ScriptedHttpServer server([](const ScriptedHttpServer::Request&) {
        return ScriptedHttpServer::Response{503,
                                            {{QStringLiteral("error"), QStringLiteral("unavailable")},
                                             {QStringLiteral("message"), QStringLiteral("Busy.")},
                                             {QStringLiteral("server_time"), QStringLiteral("2026-12-01T09:00:00Z")}},
                                            {{"Retry-After", "7"}}};
    });
    QVERIFY(server.start());
    SyncEndpoint endpoint = endpointFor(server.url());
    endpoint.allowPlainLoopback = true;
    SyncClient client(m_clock, endpoint);
    const SyncReply reply = client.pushEvents(R"({"events":[]})");
    QCOMPARE(reply.outcome, SyncReply::Outcome::Unavailable);
    QCOMPARE(reply.httpStatus, 503);
    QCOMPARE(reply.error, QStringLiteral("unavailable"));
    QCOMPARE(reply.retryAfterMs, std::optional<qint64>(7000));
}

QTEST_GUILESS_MAIN(TestSyncClient)
#include "TestSyncClient.moc"
