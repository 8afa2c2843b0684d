// GS1 barcodes: the programme's in-store range is a loyalty card, other GTINs are products.
#include "cards/formats/GtinDecoder.h"

#include <QTest>

using namespace loyalty;

class TestGtinDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void refusesWrongCheckDigit_data();
    void refusesWrongCheckDigit();
    void ignoresOtherFormats_data();
    void ignoresOtherFormats();
};

void TestGtinDecoder::decodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<CardRead::Kind>("kind");
    QTest::addColumn<QString>("format");

    using Kind = CardRead::Kind;
    QTest::newRow("loyalty card") << QStringLiteral("2000000123455") << Kind::LoyaltyNumber << QStringLiteral("ean13");
    QTest::newRow("loyalty card 2") << QStringLiteral("2000000000022") << Kind::LoyaltyNumber
                                    << QStringLiteral("ean13");
    QTest::newRow("in-store range, other prefix")
        << QStringLiteral("2100000000005") << Kind::Product << QStringLiteral("ean13");
    // GS1 and the standards' worked examples.
    QTest::newRow("ean13 4006381333931") << QStringLiteral("4006381333931") << Kind::Product << QStringLiteral("ean13");
    QTest::newRow("ean13 5901234123457") << QStringLiteral("5901234123457") << Kind::Product << QStringLiteral("ean13");
    QTest::newRow("ean8 96385074") << QStringLiteral("96385074") << Kind::Product << QStringLiteral("ean8");
    QTest::newRow("ean8 73513537") << QStringLiteral("73513537") << Kind::Product << QStringLiteral("ean8");
    QTest::newRow("upca 036000291452") << QStringLiteral("036000291452") << Kind::Product << QStringLiteral("upca");
    QTest::newRow("gtin14 10012345678902")
        << QStringLiteral("10012345678902") << Kind::Product << QStringLiteral("gtin14");
    QTest::newRow("8-digit starting with prefix")
        << QStringLiteral("20000004") << Kind::Product << QStringLiteral("ean8");
}

void TestGtinDecoder::decodes()
{
    QFETCH(QString, code);
    QFETCH(CardRead::Kind, kind);
    QFETCH(QString, format);
    const GtinDecoder decoder(QStringLiteral("2000"));
    const auto decoded = decoder.decode(code, CardSource::Serial);
    QVERIFY(decoded.has_value());
    QVERIFY(decoded->ok());
    QCOMPARE((*decoded)->kind, kind);
    QCOMPARE((*decoded)->identifier, code);
    QCOMPARE((*decoded)->format, format);
    QCOMPARE((*decoded)->source, CardSource::Serial);
}

void TestGtinDecoder::refusesWrongCheckDigit_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("loyalty card") << QStringLiteral("2000000123456");
    QTest::newRow("ean13") << QStringLiteral("4006381333932");
    QTest::newRow("ean8") << QStringLiteral("96385075");
    QTest::newRow("upca") << QStringLiteral("036000291453");
    QTest::newRow("gtin14") << QStringLiteral("10012345678903");
    QTest::newRow("two digits swapped") << QStringLiteral("4006383133931");
}

void TestGtinDecoder::refusesWrongCheckDigit()
{
    QFETCH(QString, code);
    const auto decoded = GtinDecoder(QStringLiteral("2000")).decode(code, CardSource::Typed);
    QVERIFY(decoded.has_value());
    QVERIFY(!decoded->ok());
    QCOMPARE(decoded->error().reason, QStringLiteral("check_digit"));
    QCOMPARE(decoded->error().code, Error::Code::InvalidInput);
    QCOMPARE(
        decoded->error().message,
        QStringLiteral("The check digit does not match, so the code was misread. Scan again or type it carefully."));
}

void TestGtinDecoder::ignoresOtherFormats_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("7 digits") << QStringLiteral("1234567");
    QTest::newRow("9 digits") << QStringLiteral("123456789");
    QTest::newRow("16 digits") << QStringLiteral("4111111111111111");
    QTest::newRow("letters") << QStringLiteral("LT-000123");
    QTest::newRow("spaces") << QStringLiteral("400638 1333931");
}

void TestGtinDecoder::ignoresOtherFormats()
{
    QFETCH(QString, code);
    QVERIFY(!GtinDecoder(QStringLiteral("2000")).decode(code, CardSource::Typed).has_value());
}

QTEST_GUILESS_MAIN(TestGtinDecoder)
#include "TestGtinDecoder.moc"
