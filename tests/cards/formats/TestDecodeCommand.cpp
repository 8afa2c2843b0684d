// `loyalty-ctl decode` as a script uses it: the real binary, raw input on standard input, JSON on
// standard output, the refusal's class on standard error and exit code 4, and never any digits of
// a payment card in what it prints.
#include "TestPaths.h"
#include "demo/DemoDataGenerator.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace loyalty;

namespace {

struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

}  // namespace

class TestDecodeCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void decodes_data();
    void decodes();
    void refusesPaymentCardsWithoutEchoingThem_data();
    void refusesPaymentCardsWithoutEchoingThem();
    void refusesBadInput_data();
    void refusesBadInput();
    void usesTheTillsCardPrefix();
    void worksWithoutADatabase();
    void namedDatabaseMustExist();

private:
    CtlRun decode(const QByteArray& input, const QStringList& arguments) const;
    QStringList withDb(const QStringList& arguments) const
    {
        return QStringList{QStringLiteral("--db"), m_database} + arguments;
    }

    QTemporaryDir m_dir;
    QString m_database;
};

void TestDecodeCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("till.db"));
    const FixedClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_database, clock);
    QVERIFY(opened.ok());
    QVERIFY(DemoDataGenerator(**opened, clock).generate(5).ok());
}

CtlRun TestDecodeCommand::decode(const QByteArray& input, const QStringList& arguments) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(LOYALTY_CTL_PATH), QStringList{QStringLiteral("decode")} + arguments);
    CtlRun run;
    if (!process.waitForStarted(30'000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestDecodeCommand::decodes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("format");

    QTest::newRow("card") << QByteArray("2000000123455\n") << QStringLiteral("loyalty_number")
                          << QStringLiteral("2000000123455") << QStringLiteral("ean13");
    QTest::newRow("product") << QByteArray("4006381333931") << QStringLiteral("product")
                             << QStringLiteral("4006381333931") << QStringLiteral("ean13");
    QTest::newRow("track 2") << QByteArray(";2000000123455=2812?\r\n") << QStringLiteral("loyalty_number")
                             << QStringLiteral("2000000123455") << QStringLiteral("track2");
    QTest::newRow("code 128") << QByteArray("LT-000123\n") << QStringLiteral("loyalty_number")
                              << QStringLiteral("LT-000123") << QStringLiteral("code128");
    QTest::newRow("azerty card") << QStringLiteral("éàààààà&é\"'((\n").toUtf8() << QStringLiteral("loyalty_number")
                                 << QStringLiteral("2000000123455") << QStringLiteral("ean13");
}

void TestDecodeCommand::decodes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, kind);
    QFETCH(QString, identifier);
    QFETCH(QString, format);
    const CtlRun run = decode(input, withDb({QStringLiteral("--json")}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("kind")).toString(), kind);
    QCOMPARE(json.value(QStringLiteral("identifier")).toString(), identifier);
    QCOMPARE(json.value(QStringLiteral("format")).toString(), format);
    QCOMPARE(json.value(QStringLiteral("source")).toString(), QStringLiteral("cli"));
    QCOMPARE(json.size(), 4);

    const CtlRun text = decode(input, withDb({}));
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(identifier.toUtf8()));
}

void TestDecodeCommand::refusesPaymentCardsWithoutEchoingThem_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("pan");

    const QString visa = QStringLiteral("4111111111111111");
    QTest::newRow("track 1") << QByteArray("%B4111111111111111^DOE/JOHN^25121010000000000000?\n") << visa;
    QTest::newRow("track 2") << QByteArray(";4111111111111111=25121010000000000000?\n") << visa;
    QTest::newRow("both tracks") << QByteArray("%B4111111111111111^DOE/JOHN^2512?;4111111111111111=2512?\n") << visa;
    QTest::newRow("bare visa") << QByteArray("4111111111111111\n") << visa;
    QTest::newRow("bare amex") << QByteArray("378282246310005") << QStringLiteral("378282246310005");
    QTest::newRow("bare mastercard 2-series")
        << QByteArray("2223003122003222\r\n") << QStringLiteral("2223003122003222");
    QTest::newRow("german layout track 2")
        << QStringLiteral("ö5555555555554444´2512_\n").toUtf8() << QStringLiteral("5555555555554444");
    QTest::newRow("french layout track 2") << QStringLiteral("m'&&&&&&&&&&&&&&&=é(&é§\n").toUtf8() << visa;
}

void TestDecodeCommand::refusesPaymentCardsWithoutEchoingThem()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, pan);
    for (const QStringList& arguments : {withDb({}), withDb({QStringLiteral("--json")})}) {
        const CtlRun run = decode(input, arguments);
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("payment_card"), run.err.constData());
        const QByteArray printed = run.out + run.err;
        for (qsizetype from = 0; from + 6 <= pan.size(); ++from)
            QVERIFY2(!printed.contains(pan.mid(from, 6).toLatin1()), printed.constData());
    }
}

void TestDecodeCommand::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("reason");

    QTest::newRow("empty") << QByteArray() << QByteArray("empty");
    QTest::newRow("10 kB burst") << QByteArray(10 * 1024, '1') << QByteArray("too_long");
    QTest::newRow("over 64 KiB") << QByteArray(64 * 1024 + 1, '1') << QByteArray("too_long");
    QTest::newRow("1 MiB") << QByteArray(1024 * 1024, '7') << QByteArray("too_long");
    QTest::newRow("two lines") << QByteArray("2000000123455\n4006381333931\n") << QByteArray("control_characters");
    QTest::newRow("NUL") << QByteArray("2000\0"
                                       "000123455",
                                       13)
                         << QByteArray("control_characters");
    QTest::newRow("invalid UTF-8") << QByteArray("2000000\xff\xfe") << QByteArray("non_ascii");
    QTest::newRow("check digit") << QByteArray("2000000123456") << QByteArray("check_digit");
    QTest::newRow("half read") << QByteArray(";2000000123455=\n") << QByteArray("malformed_track");
    QTest::newRow("unknown") << QByteArray("hello 123456789\n") << QByteArray("unknown_format");
    QTest::newRow("german layout code 128") << QStringLiteral("LTßABC12").toUtf8() << QByteArray("keyboard_layout");
}

void TestDecodeCommand::refusesBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, reason);
    const CtlRun run = decode(input, withDb({QStringLiteral("--json")}));
    QCOMPARE(run.exitCode, 4);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QByteArray(": " + reason + ": ")), run.err.constData());
    QCOMPARE(run.err.count('\n'), 1);
    // Never an echo of the input.
    static const QRegularExpression digits(QStringLiteral("\\d{6,}"));
    QVERIFY2(!QString::fromUtf8(run.err).contains(digits), run.err.constData());
}

void TestDecodeCommand::usesTheTillsCardPrefix()
{
    const QString other = m_dir.filePath(QStringLiteral("other-prefix.db"));
    QVERIFY(QFile::copy(m_database, other));
    {
        const FixedClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
        auto opened = Database::open(other, clock);
        QVERIFY(opened.ok());
        QSqlQuery query((*opened)->connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE settings SET value = '2999' WHERE key = 'cards.prefix'")));
    }
    const CtlRun run = decode("2000000123455", {QStringLiteral("--db"), other, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("kind")).toString(),
             QStringLiteral("product"));
}

void TestDecodeCommand::worksWithoutADatabase()
{
    // No --db and no loyalty-till.db in the working folder: a new till's defaults (prefix 2000).
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("loyalty-till.db"))));
    const CtlRun run = decode("2000000123455\n", {QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("kind")).toString(),
             QStringLiteral("loyalty_number"));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("loyalty-till.db"))));
}

void TestDecodeCommand::namedDatabaseMustExist()
{
    const CtlRun run =
        decode("2000000123455\n", {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("missing.db"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.db"))));
}

QTEST_GUILESS_MAIN(TestDecodeCommand)
#include "TestDecodeCommand.moc"
