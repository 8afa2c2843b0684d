// `loyalty-hq serve` and `loyalty-hq cert` as the integration tests and ./dev run use them: the real
// process, its one "listening on" line, TLS with the certificate `cert` wrote, plain HTTP only on
// loopback, one log line per request, and a clean exit on SIGTERM and SIGINT. Also the option
// parsing behind serve.
#include "HqServerTestClient.h"
#include "http/ServeOptions.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

using namespace loyalty;
using namespace loyalty::test;

namespace {

struct Finished
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Finished runHq(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(LOYALTY_HQ_PATH), arguments);
    Finished finished;
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        return finished;
    }
    finished.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    finished.out = process.readAllStandardOutput();
    finished.err = process.readAllStandardError();
    return finished;
}

}  // namespace

class TestHqServerProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void certJson();
    void certText();
    void certRefusesToOverwrite();
    void serveTlsUntilSigterm();
    void servePlainOnLoopbackUntilSigint();
    void plainHttpRefusedOffLoopback();
    void serveNeedsCertificateOrPlain();
    void serveReportsBusyPort();
    void serveRefusesMissingCertificate();

    void options_data();
    void options();

private:
    // Starts serve and reads its first stdout line; the process stays running.
    QString startServe(QProcess& process, const QStringList& serveArguments);
    QJsonObject makeCertificate();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database;
};

void TestHqServerProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = m_dir->filePath(QStringLiteral("hq.db"));
}

QJsonObject TestHqServerProcess::makeCertificate()
{
    const Finished cert = runHq({QStringLiteral("--db"), m_database, QStringLiteral("cert"), QStringLiteral("--out"),
                                 m_dir->filePath(QStringLiteral("certs")), QStringLiteral("--json")});
    if (cert.exitCode != 0)
        qWarning("%s", cert.err.constData());
    return QJsonDocument::fromJson(cert.out).object();
}

QString TestHqServerProcess::startServe(QProcess& process, const QStringList& serveArguments)
{
    process.start(QStringLiteral(LOYALTY_HQ_PATH),
                  QStringList{QStringLiteral("--db"), m_database, QStringLiteral("serve")} + serveArguments);
    if (!process.waitForStarted(60'000))
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(120'000))
            return {};
    }
    return QString::fromUtf8(process.readLine());
}

void TestHqServerProcess::certJson()
{
    const QJsonObject paths = makeCertificate();
    const QString certificate = paths.value(QStringLiteral("cert")).toString();
    const QString key = paths.value(QStringLiteral("key")).toString();
    QCOMPARE(certificate,
             QDir(m_dir->filePath(QStringLiteral("certs"))).absoluteFilePath(QStringLiteral("hq-cert.pem")));
    QCOMPARE(key, QDir(m_dir->filePath(QStringLiteral("certs"))).absoluteFilePath(QStringLiteral("hq-key.pem")));
    struct stat keyStat = {};
    QCOMPARE(::stat(QFile::encodeName(key).constData(), &keyStat), 0);
    QCOMPARE(keyStat.st_mode & 0777, 0600u);
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificate);
    QCOMPARE(chain.size(), 1);
    const QString expected =
        QStringLiteral("sha256/") +
        QString::fromLatin1(
            QCryptographicHash::hash(chain.first().publicKey().toDer(), QCryptographicHash::Sha256).toBase64());
    QCOMPARE(paths.value(QStringLiteral("pin")).toString(), expected);
}

void TestHqServerProcess::certText()
{
    const Finished cert =
        runHq({QStringLiteral("--db"), m_database, QStringLiteral("cert"), QStringLiteral("--out"),
               m_dir->filePath(QStringLiteral("c")), QStringLiteral("--host"), QStringLiteral("hq.example.org")});
    QCOMPARE(cert.exitCode, 0);
    const QRegularExpressionMatch pin =
        QRegularExpression(QStringLiteral("^Pin:\\s+(sha256/[A-Za-z0-9+/]{43}=)$"), QRegularExpression::MultilineOption)
            .match(QString::fromUtf8(cert.out));
    QVERIFY2(pin.hasMatch(), cert.out.constData());
    const auto names =
        QSslCertificate::fromPath(m_dir->filePath(QStringLiteral("c/hq-cert.pem"))).first().subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("hq.example.org")));
}

void TestHqServerProcess::certRefusesToOverwrite()
{
    QVERIFY(!makeCertificate().isEmpty());
    QFile key(m_dir->filePath(QStringLiteral("certs/hq-key.pem")));
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray before = key.readAll();
    key.close();
    const Finished again = runHq({QStringLiteral("--db"), m_database, QStringLiteral("cert"), QStringLiteral("--out"),
                                  m_dir->filePath(QStringLiteral("certs"))});
    QCOMPARE(again.exitCode, 4);
    QVERIFY(again.err.contains("not overwritten"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), before);
}

void TestHqServerProcess::serveTlsUntilSigterm()
{
    const QJsonObject paths = makeCertificate();
    QVERIFY(!paths.isEmpty());
    QProcess process;
    const QString line = startServe(process, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                              QStringLiteral("--cert"), paths.value(QStringLiteral("cert")).toString(),
                                              QStringLiteral("--key"), paths.value(QStringLiteral("key")).toString()});
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^loyalty-hq listening on https://127\\.0\\.0\\.1:(\\d+)\\n$")).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line + QString::fromUtf8(process.readAllStandardError())));
    const quint16 port = quint16(match.captured(1).toUInt());
    QVERIFY(port != 0);

    HqServerTestClient client(QStringLiteral("https://127.0.0.1:%1").arg(port));
    QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
    trust.setCaCertificates(QSslCertificate::fromPath(paths.value(QStringLiteral("cert")).toString()));
    client.setSslConfiguration(trust);
    const HttpAnswer status = client.send("GET", QStringLiteral("/v1/status?probe=1"));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.body.value(QStringLiteral("protocol")).toInt(), 1);
    const QString pin = QStringLiteral("sha256/") +
                        QString::fromLatin1(QCryptographicHash::hash(status.peerCertificate.publicKey().toDer(),
                                                                     QCryptographicHash::Sha256)
                                                .toBase64());
    QCOMPARE(pin, paths.value(QStringLiteral("pin")).toString());
    QCOMPARE(client.send("POST", QStringLiteral("/v1/events"), QByteArrayLiteral("{}")).status, 401);

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(120'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());  // exactly one line on stdout
    const QStringList log =
        QString::fromUtf8(process.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList requests = log.filter(QRegularExpression(QStringLiteral(" (GET|POST) /")));
    QCOMPARE(requests.size(), 2);
    QVERIFY2(requests.at(0).endsWith(QStringLiteral(" ms")) &&
                 requests.at(0).contains(QStringLiteral("GET /v1/status 200 ")),
             qPrintable(requests.at(0)));
    QVERIFY(!requests.at(0).contains(QStringLiteral("probe")));  // the path without its query
    QVERIFY2(requests.at(1).contains(QStringLiteral("POST /v1/events 401 ")), qPrintable(requests.at(1)));
}

void TestHqServerProcess::servePlainOnLoopbackUntilSigint()
{
    QProcess process;
    const QString line = startServe(
        process, {QStringLiteral("--listen"), QStringLiteral("localhost:0"), QStringLiteral("--plain-http")});
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^loyalty-hq listening on http://localhost:(\\d+)\\n$")).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line + QString::fromUtf8(process.readAllStandardError())));
    HqServerTestClient client(QStringLiteral("http://127.0.0.1:%1").arg(match.captured(1)));
    QCOMPARE(client.send("GET", QStringLiteral("/v1/status")).status, 200);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(120'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestHqServerProcess::plainHttpRefusedOffLoopback()
{
    for (const QString& listen :
         {QStringLiteral("0.0.0.0:0"), QStringLiteral("[::]:0"), QStringLiteral("192.0.2.10:8443")}) {
        const Finished serve = runHq({QStringLiteral("--db"), m_database, QStringLiteral("serve"),
                                      QStringLiteral("--listen"), listen, QStringLiteral("--plain-http")});
        QCOMPARE(serve.exitCode, 1);
        QCOMPARE(serve.out, QByteArray());
        QVERIFY2(serve.err.contains("loopback"), serve.err.constData());
    }
}

void TestHqServerProcess::serveNeedsCertificateOrPlain()
{
    const Finished serve = runHq({QStringLiteral("--db"), m_database, QStringLiteral("serve"),
                                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QCOMPARE(serve.exitCode, 1);
    QCOMPARE(serve.out, QByteArray());
    QVERIFY2(serve.err.contains("--cert"), serve.err.constData());
}

void TestHqServerProcess::serveReportsBusyPort()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const Finished serve =
        runHq({QStringLiteral("--db"), m_database, QStringLiteral("serve"), QStringLiteral("--listen"),
               QStringLiteral("127.0.0.1:%1").arg(taken.serverPort()), QStringLiteral("--plain-http")});
    QVERIFY(serve.exitCode != 0);
    QCOMPARE(serve.out, QByteArray());
    QVERIFY2(serve.err.contains(QByteArray::number(taken.serverPort())), serve.err.constData());
}

void TestHqServerProcess::serveRefusesMissingCertificate()
{
    const Finished serve =
        runHq({QStringLiteral("--db"), m_database, QStringLiteral("serve"), QStringLiteral("--listen"),
               QStringLiteral("127.0.0.1:0"), QStringLiteral("--cert"), m_dir->filePath(QStringLiteral("none.pem")),
               QStringLiteral("--key"), m_dir->filePath(QStringLiteral("none-key.pem"))});
    QCOMPARE(serve.exitCode, 2);
    QCOMPARE(serve.out, QByteArray());
    QVERIFY2(serve.err.contains("none.pem"), serve.err.constData());
}

void TestHqServerProcess::options_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("url");  // with port 8443 bound
    QTest::addColumn<bool>("loopback");
    const QString cert = QStringLiteral("--cert");
    const QString key = QStringLiteral("--key");
    const QString listen = QStringLiteral("--listen");
    const QString plain = QStringLiteral("--plain-http");
    QTest::newRow("tls any") << QStringList{listen, QStringLiteral("0.0.0.0:8443"), cert, QStringLiteral("c.pem"),
                                            key,    QStringLiteral("k.pem")}
                             << true << QStringLiteral("https://0.0.0.0:8443") << false;
    QTest::newRow("tls ipv6") << QStringList{listen, QStringLiteral("[::1]:0"), cert, QStringLiteral("c"),
                                             key,    QStringLiteral("k")}
                              << true << QStringLiteral("https://[::1]:8443") << true;
    QTest::newRow("plain loopback") << QStringList{listen, QStringLiteral("127.0.0.1:0"), plain} << true
                                    << QStringLiteral("http://127.0.0.1:8443") << true;
    QTest::newRow("plain 127.0.0.2") << QStringList{listen, QStringLiteral("127.0.0.2:0"), plain} << true
                                     << QStringLiteral("http://127.0.0.2:8443") << true;
    QTest::newRow("plain localhost, --db passed through")
        << QStringList{QStringLiteral("--db"), QStringLiteral("hq.db"), listen, QStringLiteral("localhost:9"), plain}
        << true << QStringLiteral("http://localhost:8443") << true;
    QTest::newRow("plain off loopback") << QStringList{listen, QStringLiteral("10.0.0.1:80"), plain} << false
                                        << QString() << false;
    QTest::newRow("plain with cert") << QStringList{listen, QStringLiteral("127.0.0.1:0"), plain, cert,
                                                    QStringLiteral("c")}
                                     << false << QString() << true;
    QTest::newRow("no listen") << QStringList{plain} << false << QString() << true;
    QTest::newRow("no port") << QStringList{listen, QStringLiteral("127.0.0.1"), plain} << false << QString() << true;
    QTest::newRow("port too big") << QStringList{listen, QStringLiteral("127.0.0.1:65536"), plain} << false << QString()
                                  << true;
    QTest::newRow("host name") << QStringList{listen, QStringLiteral("hq.example.org:443"),
                                              cert,   QStringLiteral("c"),
                                              key,    QStringLiteral("k")}
                               << false << QString() << false;
    QTest::newRow("key missing") << QStringList{listen, QStringLiteral("0.0.0.0:443"), cert, QStringLiteral("c")}
                                 << false << QString() << false;
    QTest::newRow("unknown option") << QStringList{listen, QStringLiteral("127.0.0.1:0"), plain,
                                                   QStringLiteral("--fast")}
                                    << false << QString() << true;
    QTest::newRow("value missing") << QStringList{plain, listen} << false << QString() << true;
}

void TestHqServerProcess::options()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, ok);
    QFETCH(QString, url);
    QFETCH(bool, loopback);
    const auto options = hq::ServeOptions::parse(arguments);
    QCOMPARE(options.ok(), ok);
    if (!ok) {
        QVERIFY(!options.error().message.isEmpty());
        return;
    }
    QCOMPARE(options->url(8443), url);
    QCOMPARE(options->address.isLoopback(), loopback);
}

QTEST_GUILESS_MAIN(TestHqServerProcess)
#include "TestHqServerProcess.moc"
