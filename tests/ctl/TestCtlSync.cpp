// loyalty-ctl's sync commands where no head office is needed: usage errors, the outbox's JSON,
// balance's accounts, --clock-offset, and provision and sync against a closed port (exit 6, nothing
// stored or settled). The scenarios against a real loyalty-hq live in tests/integration.
#include "CtlProcess.h"
#include "CtlRun.h"
#include "RawDatabase.h"
#include "demo/DemoDataGenerator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using loyalty::DemoDataGenerator;

namespace {
constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitNotFound = 2;
constexpr int kExitRefused = 4;
constexpr int kExitHeadOffice = 6;
const QString kPin = QStringLiteral("sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}
}  // namespace

class TestCtlSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void usageErrors_data();
    void usageErrors();
    void helpListsTheSyncCommandsAndExitCode6();
    void outboxCountsByStateAndListsRejected();
    void balanceNamesTheMemberAndSumsEveryAccount();
    void clockOffsetShiftsTheTillsClock();
    void syncBeforeProvisioningIsNotFound();
    void syncToAClosedPortIsExit6AndSettlesNothing();
    void provisionToAClosedPortStoresNothing();
    void provisionMakesANewTillDatabase();
    void provisionRefusesPlainHttpToAnotherHost();

private:
    CtlRun ctl(const QStringList& arguments) const { return CtlProcess::run(m_dir->path(), arguments); }
    CtlRun ctlOn(const QStringList& arguments) const
    {
        return ctl(QStringList{QStringLiteral("--db"), m_db} + arguments);
    }
    void makeSale();
    // Settings as provisioning leaves them, pointing at `url`.
    void pretendProvisioned(const QString& url);

    QTemporaryDir m_templateDir;
    QString m_template;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCtlSync::initTestCase()
{
    QVERIFY(m_templateDir.isValid());
    m_template = m_templateDir.filePath(QStringLiteral("template.db"));
    const CtlRun run =
        CtlProcess::run(m_templateDir.path(), {QStringLiteral("--db"), m_template, QStringLiteral("demo"),
                                               QStringLiteral("--members"), QStringLiteral("200")});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
}

void TestCtlSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("till.db"));
    QVERIFY(QFile::copy(m_template, m_db));
}

void TestCtlSync::makeSale()
{
    const CtlRun run = ctlOn({QStringLiteral("sale"), QStringLiteral("--card"), DemoDataGenerator::cardNumberFor(3),
                              QStringLiteral("--line"), DemoDataGenerator::productEanFor(1)});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
}

void TestCtlSync::pretendProvisioned(const QString& url)
{
    RawDatabase raw(m_db);
    QVERIFY(raw.isOpen());
    for (const auto& [key, value] :
         {std::pair{QStringLiteral("sync.hq_url"), url},
          std::pair{QStringLiteral("sync.till_secret"), QString::fromLatin1(QByteArray(32, 's').toBase64())},
          std::pair{QStringLiteral("sync.allow_plain_loopback"), QStringLiteral("1")},
          std::pair{QStringLiteral("sync.provisioned"), QStringLiteral("1")}}) {
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('%1', '%2')"
                                        " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                             .arg(key, value)));
    }
}

void TestCtlSync::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString hq = QStringLiteral("https://127.0.0.1:8443");
    QTest::newRow("provision without --hq")
        << QStringList{QStringLiteral("provision"), QStringLiteral("--code"), QStringLiteral("A")};
    QTest::newRow("provision without --code") << QStringList{QStringLiteral("provision"), QStringLiteral("--hq"), hq};
    QTest::newRow("provision with a bad url")
        << QStringList{QStringLiteral("provision"), QStringLiteral("--hq"), QStringLiteral("ftp://x"),
                       QStringLiteral("--code"), QStringLiteral("A")};
    QTest::newRow("provision with a bad pin") << QStringList{
        QStringLiteral("provision"), QStringLiteral("--hq"),      hq, QStringLiteral("--code"), QStringLiteral("A"),
        QStringLiteral("--pin"),     QStringLiteral("sha256/abc")};
    QTest::newRow("provision with --ca and --pin")
        << QStringList{QStringLiteral("provision"), QStringLiteral("--hq"),  hq,   QStringLiteral("--code"),
                       QStringLiteral("A"),         QStringLiteral("--pin"), kPin, QStringLiteral("--ca"),
                       QStringLiteral("ca.pem")};
    QTest::newRow("provision with an empty --name") << QStringList{
        QStringLiteral("provision"), QStringLiteral("--hq"), hq, QStringLiteral("--code"), QStringLiteral("A"),
        QStringLiteral("--name"),    QStringLiteral(" ")};
    QTest::newRow("sync --timeout 0") << QStringList{QStringLiteral("sync"), QStringLiteral("--timeout"),
                                                     QStringLiteral("0")};
    QTest::newRow("sync --timeout words")
        << QStringList{QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("soon")};
    QTest::newRow("sync with --code") << QStringList{QStringLiteral("sync"), QStringLiteral("--code"),
                                                     QStringLiteral("A")};
    QTest::newRow("outbox with --timeout")
        << QStringList{QStringLiteral("outbox"), QStringLiteral("--timeout"), QStringLiteral("5")};
    QTest::newRow("outbox with an argument") << QStringList{QStringLiteral("outbox"), QStringLiteral("all")};
    QTest::newRow("--clock-offset words")
        << QStringList{QStringLiteral("--clock-offset"), QStringLiteral("later"), QStringLiteral("outbox")};
    QTest::newRow("--clock-offset too far")
        << QStringList{QStringLiteral("--clock-offset"), QStringLiteral("99999999"), QStringLiteral("outbox")};
    QTest::newRow("--pin on balance") << QStringList{QStringLiteral("balance"), DemoDataGenerator::cardNumberFor(1),
                                                     QStringLiteral("--pin"), kPin};
}

void TestCtlSync::usageErrors()
{
    QFETCH(QStringList, arguments);
    const QString missing = m_dir->filePath(QStringLiteral("never.db"));
    const CtlRun run = ctl(QStringList{QStringLiteral("--db"), missing} + arguments);
    QVERIFY2(run.exitCode == kExitUsage, run.describe().constData());
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.errIsOneLine());
    QVERIFY(!QFile::exists(missing));
}

void TestCtlSync::helpListsTheSyncCommandsAndExitCode6()
{
    const CtlRun run = ctl({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, kExitOk);
    for (const char* text : {"provision --hq URL --code CODE", "sync [--timeout SECONDS]", "outbox", "--clock-offset",
                             "--allow-plain-loopback", "  6  head office"})
        QVERIFY2(run.out.contains(text), text);
}

void TestCtlSync::outboxCountsByStateAndListsRejected()
{
    makeSale();
    makeSale();
    makeSale();
    {
        RawDatabase raw(m_db);
        QVERIFY(raw.exec(QStringLiteral("UPDATE outbox_events SET state = 'acknowledged' WHERE sequence = (SELECT "
                                        "min(sequence) FROM outbox_events)")));
        QVERIFY(raw.exec(QStringLiteral(
            "UPDATE outbox_events SET state = 'rejected', rejected_reason = 'unknown_member',"
            " last_error = 'No such member.' WHERE sequence = (SELECT max(sequence) FROM outbox_events)")));
    }
    const CtlRun run = ctlOn({QStringLiteral("--json"), QStringLiteral("outbox")});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject json;
    QVERIFY(run.json(json));
    QCOMPARE(json.value(QLatin1String("pending")).toInteger(), 1);
    QCOMPARE(json.value(QLatin1String("acknowledged")).toInteger(), 1);
    QCOMPARE(json.value(QLatin1String("rejected")).toInteger(), 1);
    const QJsonArray rejected = json.value(QLatin1String("rejected_events")).toArray();
    QCOMPARE(rejected.size(), 1);
    const QJsonObject event = rejected.first().toObject();
    RawDatabase raw(m_db);
    QCOMPARE(event.value(QLatin1String("id")).toString(),
             raw.value(QStringLiteral("SELECT uuid FROM outbox_events WHERE state = 'rejected'")).toString());
    QCOMPARE(event.value(QLatin1String("sequence")).toInteger(),
             raw.value(QStringLiteral("SELECT sequence FROM outbox_events WHERE state = 'rejected'")).toLongLong());
    QCOMPARE(event.value(QLatin1String("type")).toString(), QStringLiteral("sale.completed"));
    QCOMPARE(event.value(QLatin1String("reason")).toString(), QStringLiteral("unknown_member"));

    const CtlRun text = ctlOn({QStringLiteral("outbox")});
    QCOMPARE(text.exitCode, kExitOk);
    QVERIFY(text.out.contains("unknown_member"));
}

void TestCtlSync::balanceNamesTheMemberAndSumsEveryAccount()
{
    makeSale();
    const CtlRun run =
        ctlOn({QStringLiteral("--json"), QStringLiteral("balance"), DemoDataGenerator::cardNumberFor(3)});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject json;
    QVERIFY(run.json(json));
    RawDatabase raw(m_db);
    const qint64 memberId = json.value(QLatin1String("member_id")).toInteger();
    QCOMPARE(json.value(QLatin1String("member_uuid")).toString(),
             raw.value(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(memberId)).toString());
    const QJsonObject accounts = json.value(QLatin1String("accounts")).toObject();
    QVERIFY(!accounts.isEmpty());
    QCOMPARE(accounts.value(QLatin1String("points")).toInteger(), json.value(QLatin1String("balance")).toInteger());
    const qint64 accountCount =
        raw.value(
               QStringLiteral("SELECT count(DISTINCT account) FROM ledger_entries WHERE member_id = %1").arg(memberId))
            .toLongLong();
    QCOMPARE(qint64(accounts.size()), accountCount);
    for (auto it = accounts.begin(); it != accounts.end(); ++it) {
        QCOMPARE(
            it.value().toInteger(),
            raw.value(QStringLiteral("SELECT sum(points) FROM ledger_entries WHERE member_id = %1 AND account = '%2'")
                          .arg(memberId)
                          .arg(it.key()))
                .toLongLong());
    }
}

void TestCtlSync::clockOffsetShiftsTheTillsClock()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const CtlRun run = ctlOn({QStringLiteral("--clock-offset"), QStringLiteral("7200"), QStringLiteral("sale"),
                              QStringLiteral("--card"), DemoDataGenerator::cardNumberFor(3), QStringLiteral("--line"),
                              DemoDataGenerator::productEanFor(1)});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    RawDatabase raw(m_db);
    const QDateTime recorded = QDateTime::fromString(
        raw.value(QStringLiteral("SELECT created_at FROM outbox_events ORDER BY sequence DESC LIMIT 1")).toString(),
        Qt::ISODateWithMs);
    QVERIFY(recorded.isValid());
    QVERIFY2(before.secsTo(recorded) >= 7200 && before.secsTo(recorded) < 7200 + 600,
             qPrintable(recorded.toString(Qt::ISODate)));
}

void TestCtlSync::syncBeforeProvisioningIsNotFound()
{
    const CtlRun run = ctlOn({QStringLiteral("sync")});
    QVERIFY2(run.exitCode == kExitNotFound, run.describe().constData());
    QVERIFY(run.err.contains("provision"));
}

void TestCtlSync::syncToAClosedPortIsExit6AndSettlesNothing()
{
    makeSale();
    makeSale();
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    pretendProvisioned(QStringLiteral("http://127.0.0.1:%1").arg(port));
    const CtlRun run =
        ctlOn({QStringLiteral("--json"), QStringLiteral("sync"), QStringLiteral("--timeout"), QStringLiteral("5")});
    QVERIFY2(run.exitCode == kExitHeadOffice, run.describe().constData());
    QJsonObject json;
    QVERIFY(run.json(json));
    QCOMPARE(json.value(QLatin1String("online")).toBool(true), false);
    QCOMPARE(json.value(QLatin1String("error")).toString(), QStringLiteral("connection_refused"));
    QCOMPARE(json.value(QLatin1String("pending")).toInteger(), 2);
    QCOMPARE(json.value(QLatin1String("pushed")).toInteger(), 0);
    QCOMPARE(json.value(QLatin1String("pulled")).toInteger(), 0);
    QVERIFY(json.value(QLatin1String("last_success")).isNull());
    for (const char* key : {"accepted", "duplicates", "rejected"})
        QCOMPARE(json.value(QLatin1String(key)).toInteger(-1), 0);
    RawDatabase raw(m_db);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM outbox_events WHERE state = 'pending'")).toInt(), 2);
    QVERIFY(raw.value(QStringLiteral("SELECT value FROM settings WHERE key = 'sync.cursor'")).isNull());
    QVERIFY(raw.value(QStringLiteral("SELECT value FROM settings WHERE key = 'sync.last_success'")).isNull());
    // The failed attempt is on record for the manager: how often, and why.
    QCOMPARE(raw.value(QStringLiteral("SELECT min(attempts) FROM outbox_events")).toInt(), 1);
}

void TestCtlSync::provisionToAClosedPortStoresNothing()
{
    const quint16 port = closedPort();
    const CtlRun run =
        ctlOn({QStringLiteral("provision"), QStringLiteral("--hq"), QStringLiteral("https://127.0.0.1:%1").arg(port),
               QStringLiteral("--code"), QStringLiteral("K7QF-3MZP-XW2D"), QStringLiteral("--pin"), kPin});
    QVERIFY2(run.exitCode == kExitHeadOffice, run.describe().constData());
    QVERIFY(run.errIsOneLine());
    RawDatabase raw(m_db);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM settings WHERE key LIKE 'sync.%'")).toInt(), 0);
}

void TestCtlSync::provisionMakesANewTillDatabase()
{
    // A new till starts from nothing: provision creates its database, and a failed attempt leaves
    // the empty till for the next one, without any credentials.
    const QString fresh = m_dir->filePath(QStringLiteral("new-till.db"));
    QVERIFY(!QFile::exists(fresh));
    const CtlRun run = ctl({QStringLiteral("--db"), fresh, QStringLiteral("provision"), QStringLiteral("--hq"),
                            QStringLiteral("https://127.0.0.1:%1").arg(closedPort()), QStringLiteral("--code"),
                            QStringLiteral("K7QF-3MZP-XW2D"), QStringLiteral("--pin"), kPin});
    QVERIFY2(run.exitCode == kExitHeadOffice, run.describe().constData());
    QVERIFY(QFile::exists(fresh));
    RawDatabase raw(fresh);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM settings WHERE key LIKE 'sync.%'")).toInt(), 0);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM members")).toInt(), 0);
}

void TestCtlSync::provisionRefusesPlainHttpToAnotherHost()
{
    const CtlRun run =
        ctlOn({QStringLiteral("provision"), QStringLiteral("--hq"), QStringLiteral("http://192.0.2.7:8443"),
               QStringLiteral("--code"), QStringLiteral("K7QF-3MZP-XW2D"), QStringLiteral("--allow-plain-loopback")});
    QVERIFY2(run.exitCode == kExitRefused, run.describe().constData());
    QVERIFY(run.err.contains("loopback"));
    RawDatabase raw(m_db);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM settings WHERE key LIKE 'sync.%'")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestCtlSync)
#include "TestCtlSync.moc"
