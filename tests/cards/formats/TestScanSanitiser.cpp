// The first stage of decoding: terminators, bounds, control characters.
#include "cards/formats/ScanSanitiser.h"

#include <QTest>

using namespace loyalty;

class TestScanSanitiser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void asciiCheck();
};

void TestScanSanitiser::accepts_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("clean");

    const QString card = QStringLiteral("2000000123455");
    QTest::newRow("plain") << card << card;
    QTest::newRow("CR") << card + u'\r' << card;
    QTest::newRow("LF") << card + u'\n' << card;
    QTest::newRow("CRLF") << card + QStringLiteral("\r\n") << card;
    QTest::newRow("Tab") << card + u'\t' << card;
    QTest::newRow("spaces around") << QStringLiteral("  ") + card + QStringLiteral(" ") << card;
    QTest::newRow("inner space kept") << QStringLiteral("%ADOE JOHN") << QStringLiteral("%ADOE JOHN");
    QTest::newRow("256 characters") << QString(256, u'7') << QString(256, u'7');
    QTest::newRow("256 and a terminator") << QString(256, u'7') + QStringLiteral("\r\n") << QString(256, u'7');
    QTest::newRow("non-ascii is left for later") << QStringLiteral("ö2000") << QStringLiteral("ö2000");
}

void TestScanSanitiser::accepts()
{
    QFETCH(QString, raw);
    QFETCH(QString, clean);
    const auto result = ScanSanitiser::sanitise(raw);
    QVERIFY(result.ok());
    QCOMPARE(*result, clean);
}

void TestScanSanitiser::refuses_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("only a terminator") << QStringLiteral("\r\n") << QStringLiteral("empty");
    QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("empty");
    QTest::newRow("257 characters") << QString(257, u'7') << QStringLiteral("too_long");
    QTest::newRow("10 kB burst") << QString(10 * 1024, u'1') << QStringLiteral("too_long");
    QTest::newRow("two terminators") << QStringLiteral("2000000123455\n\n") << QStringLiteral("control_characters");
    QTest::newRow("bell") << QStringLiteral("2000000\a123455") << QStringLiteral("control_characters");
    QTest::newRow("escape sequence") << QStringLiteral("\x1b[0m2000000123455") << QStringLiteral("control_characters");
    QTest::newRow("NUL") << QString(QChar(u'\0')) + QStringLiteral("123") << QStringLiteral("control_characters");
    QTest::newRow("DEL") << QStringLiteral("2000\x7f") << QStringLiteral("control_characters");
    QTest::newRow("C1 control") << QStringLiteral("2000\u0085") << QStringLiteral("control_characters");
    QTest::newRow("inner tab") << QStringLiteral("2000\t0001") << QStringLiteral("control_characters");
}

void TestScanSanitiser::refuses()
{
    QFETCH(QString, raw);
    QFETCH(QString, reason);
    const auto result = ScanSanitiser::sanitise(raw);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().reason, reason);
    QCOMPARE(result.error().code, Error::Code::InvalidInput);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(!result.error().message.contains(QStringLiteral("2000")));
}

void TestScanSanitiser::asciiCheck()
{
    QVERIFY(ScanSanitiser::isAscii(QStringLiteral("%B^;=?/ -.~")));
    QVERIFY(!ScanSanitiser::isAscii(QStringLiteral("é")));
    QVERIFY(!ScanSanitiser::isAscii(QStringLiteral("\U0001F600")));
    QCOMPARE(ScanSanitiser::nonAscii().reason, QStringLiteral("non_ascii"));
}

QTEST_GUILESS_MAIN(TestScanSanitiser)
#include "TestScanSanitiser.moc"
