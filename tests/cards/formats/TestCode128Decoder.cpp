// Alphanumeric loyalty numbers printed as Code 128.
#include "cards/formats/Code128Decoder.h"

#include <QTest>

using namespace loyalty;

class TestCode128Decoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void ignores_data();
    void ignores();
    void emptyPrefixTurnsItOff();
};

void TestCode128Decoder::decodes_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("number");

    const QString lt = Code128Decoder::kDefaultPrefix;
    QTest::newRow("shortest") << lt << QStringLiteral("LT1234") << QStringLiteral("LT1234");
    QTest::newRow("with dash") << lt << QStringLiteral("LT-000123") << QStringLiteral("LT-000123");
    QTest::newRow("letters") << lt << QStringLiteral("LTAB12CD") << QStringLiteral("LTAB12CD");
    QTest::newRow("longest") << lt << QStringLiteral("LT0123456789ABCDEFGHIJKL")
                             << QStringLiteral("LT0123456789ABCDEFGHIJKL");
    QTest::newRow("caps lock on") << lt << QStringLiteral("lt-000123") << QStringLiteral("LT-000123");
    QTest::newRow("other prefix") << QStringLiteral("KUNDE") << QStringLiteral("KUNDE-42")
                                  << QStringLiteral("KUNDE-42");
    QTest::newRow("lower-case prefix setting")
        << QStringLiteral("lt") << QStringLiteral("LT-000123") << QStringLiteral("LT-000123");
}

void TestCode128Decoder::decodes()
{
    QFETCH(QString, prefix);
    QFETCH(QString, text);
    QFETCH(QString, number);
    const auto decoded = Code128Decoder(prefix).decode(text, CardSource::KeyboardWedge);
    QVERIFY(decoded.has_value());
    QVERIFY(decoded->ok());
    QCOMPARE((*decoded)->kind, CardRead::Kind::LoyaltyNumber);
    QCOMPARE((*decoded)->identifier, number);
    QCOMPARE((*decoded)->format, QStringLiteral("code128"));
}

void TestCode128Decoder::ignores_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("too short") << QStringLiteral("LT-12");
    QTest::newRow("too long") << QStringLiteral("LT0123456789ABCDEFGHIJKLM");
    QTest::newRow("wrong prefix") << QStringLiteral("XX-000123");
    QTest::newRow("prefix later") << QStringLiteral("00LT0123");
    QTest::newRow("space") << QStringLiteral("LT 000123");
    QTest::newRow("underscore") << QStringLiteral("LT_000123");
    QTest::newRow("digits only") << QStringLiteral("2000000123455");
    QTest::newRow("umlaut") << QStringLiteral("LTÄ00123");
}

void TestCode128Decoder::ignores()
{
    QFETCH(QString, text);
    QVERIFY(!Code128Decoder().decode(text, CardSource::KeyboardWedge).has_value());
}

void TestCode128Decoder::emptyPrefixTurnsItOff()
{
    QVERIFY(!Code128Decoder(QString()).decode(QStringLiteral("ABCDEF"), CardSource::Typed).has_value());
}

QTEST_GUILESS_MAIN(TestCode128Decoder)
#include "TestCode128Decoder.moc"
