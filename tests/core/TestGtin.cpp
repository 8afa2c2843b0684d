// GS1 check digits and formats, checked against codes published by GS1 and on real packs.
#include "barcode/Gtin.h"

#include <QTest>

using namespace loyalty;

Q_DECLARE_METATYPE(Gtin::Format)

class TestGtin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void checkDigit_data();
    void checkDigit();
    void checkDigitRefusesNonDigits();
    void withCheckDigit();
    void toEan13Key_data();
    void toEan13Key();
    void lengthAndDigitHelpers();
};

void TestGtin::valid_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<Gtin::Format>("format");

    QTest::newRow("EAN-13 GS1 example") << QStringLiteral("4006381333931") << Gtin::Format::Ean13;
    QTest::newRow("EAN-13 ISBN 978-0-201-37962-4") << QStringLiteral("9780201379624") << Gtin::Format::Ean13;
    QTest::newRow("EAN-13 Wikipedia example") << QStringLiteral("5901234123457") << Gtin::Format::Ean13;
    QTest::newRow("EAN-13 demo loyalty card") << QStringLiteral("2000000123455") << Gtin::Format::Ean13;
    QTest::newRow("EAN-8 96385074") << QStringLiteral("96385074") << Gtin::Format::Ean8;
    QTest::newRow("EAN-8 73513537") << QStringLiteral("73513537") << Gtin::Format::Ean8;
    QTest::newRow("UPC-A 036000291452") << QStringLiteral("036000291452") << Gtin::Format::UpcA;
    QTest::newRow("UPC-A 012345678905") << QStringLiteral("012345678905") << Gtin::Format::UpcA;
    QTest::newRow("GTIN-14 GS1 example") << QStringLiteral("10012345678902") << Gtin::Format::Gtin14;
    QTest::newRow("GTIN-14 case of 5901234123457") << QStringLiteral("15901234123454") << Gtin::Format::Gtin14;
    QTest::newRow("GTIN-14 zero-padded UPC-A") << QStringLiteral("00012345678905") << Gtin::Format::Gtin14;
}

void TestGtin::valid()
{
    QFETCH(QString, code);
    QFETCH(Gtin::Format, format);

    QVERIFY(Gtin::isValid(code));
    QVERIFY(Gtin::hasGtinLength(code));
    QVERIFY(Gtin::isAllDigits(code));
    const auto found = Gtin::formatOf(code);
    QVERIFY(found.has_value());
    QCOMPARE(*found, format);
    // Every other last digit makes it invalid: the check digit is the only one that fits.
    for (char digit = '0'; digit <= '9'; ++digit) {
        QString altered = code;
        altered.back() = QLatin1Char(digit);
        QCOMPARE(Gtin::isValid(altered), altered == code);
    }
}

void TestGtin::invalid_data()
{
    QTest::addColumn<QString>("code");

    QTest::newRow("EAN-13 wrong check digit") << QStringLiteral("4006381333932");
    QTest::newRow("EAN-13 two digits swapped") << QStringLiteral("4006383133931");
    QTest::newRow("ISBN wrong check digit") << QStringLiteral("9780201379625");
    QTest::newRow("EAN-8 wrong check digit") << QStringLiteral("96385075");
    QTest::newRow("UPC-A wrong check digit") << QStringLiteral("036000291453");
    QTest::newRow("GTIN-14 wrong check digit") << QStringLiteral("10012345678903");
    QTest::newRow("empty") << QString();
    QTest::newRow("1 digit") << QStringLiteral("0");
    QTest::newRow("7 digits") << QStringLiteral("9638507");
    QTest::newRow("9 digits") << QStringLiteral("963850740");
    QTest::newRow("11 digits") << QStringLiteral("03600029145");
    QTest::newRow("15 digits") << QStringLiteral("040063813339310");
    QTest::newRow("16 digit payment card") << QStringLiteral("4111111111111111");
    QTest::newRow("letter instead of check digit") << QStringLiteral("400638133393X");
    QTest::newRow("letter inside") << QStringLiteral("40063813a3931");
    QTest::newRow("space inside") << QStringLiteral("4006381 33931");
    QTest::newRow("leading space") << QStringLiteral(" 400638133393");
    QTest::newRow("plus sign") << QStringLiteral("+400638133393");
    QTest::newRow("minus sign") << QStringLiteral("-400638133393");
    // Digits of other scripts are digits to QChar::isDigit() but never part of a barcode.
    QTest::newRow("Arabic-Indic digits") << QString::fromUtf16(u"٤٠٠٦٣٨١٣٣٣٩٣١");
    QTest::newRow("full-width digits") << QString::fromUtf16(u"４００６３８１３３３９３１");
}

void TestGtin::invalid()
{
    QFETCH(QString, code);

    QVERIFY(!Gtin::isValid(code));
    QVERIFY(!Gtin::formatOf(code).has_value());
}

void TestGtin::checkDigit_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<int>("digit");

    QTest::newRow("EAN-13 400638133393") << QStringLiteral("400638133393") << 1;
    QTest::newRow("EAN-13 978020137962") << QStringLiteral("978020137962") << 4;
    QTest::newRow("EAN-13 590123412345") << QStringLiteral("590123412345") << 7;
    QTest::newRow("EAN-8 9638507") << QStringLiteral("9638507") << 4;
    QTest::newRow("EAN-8 7351353") << QStringLiteral("7351353") << 7;
    QTest::newRow("UPC-A 03600029145") << QStringLiteral("03600029145") << 2;
    QTest::newRow("UPC-A 01234567890") << QStringLiteral("01234567890") << 5;
    QTest::newRow("GTIN-14 1001234567890") << QStringLiteral("1001234567890") << 2;
    QTest::newRow("sum already a multiple of 10") << QStringLiteral("000000000000") << 0;
    QTest::newRow("demo card 200000012345") << QStringLiteral("200000012345") << 5;
}

void TestGtin::checkDigit()
{
    QFETCH(QString, payload);
    QFETCH(int, digit);

    const auto computed = Gtin::checkDigit(payload);
    QVERIFY(computed.has_value());
    QCOMPARE(*computed, digit);
    // A leading zero never changes a check digit: that is what makes UPC-A and EAN-13 compatible.
    QCOMPARE(Gtin::checkDigit(QString(QLatin1Char('0') + payload)), computed);
}

void TestGtin::checkDigitRefusesNonDigits()
{
    QVERIFY(!Gtin::checkDigit(u"40063813339a").has_value());
    QVERIFY(!Gtin::checkDigit(u"4006381 3339").has_value());
    QVERIFY(!Gtin::checkDigit(QString::fromUtf16(u"٤٠٠٦٣٨١")).has_value());
}

void TestGtin::withCheckDigit()
{
    QCOMPARE(Gtin::withCheckDigit(QStringLiteral("400638133393")), QStringLiteral("4006381333931"));
    QCOMPARE(Gtin::withCheckDigit(QStringLiteral("9638507")), QStringLiteral("96385074"));
    QCOMPARE(Gtin::withCheckDigit(QStringLiteral("03600029145")), QStringLiteral("036000291452"));
    QCOMPARE(Gtin::withCheckDigit(QStringLiteral("1001234567890")), QStringLiteral("10012345678902"));
    QVERIFY(Gtin::withCheckDigit(QStringLiteral("40063813339x")).isEmpty());
    for (const QString& payload : {QStringLiteral("200000000001"), QStringLiteral("200099999999"),
                                   QStringLiteral("4100123"), QStringLiteral("0000000000000")})
        QVERIFY2(Gtin::isValid(Gtin::withCheckDigit(payload)), qPrintable(payload));
}

void TestGtin::toEan13Key_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("key");

    QTest::newRow("UPC-A gains a leading zero") << QStringLiteral("036000291452") << QStringLiteral("0036000291452");
    QTest::newRow("UPC-A 012345678905") << QStringLiteral("012345678905") << QStringLiteral("0012345678905");
    QTest::newRow("EAN-13 unchanged") << QStringLiteral("4006381333931") << QStringLiteral("4006381333931");
    QTest::newRow("EAN-8 unchanged") << QStringLiteral("96385074") << QStringLiteral("96385074");
    QTest::newRow("GTIN-14 unchanged") << QStringLiteral("10012345678902") << QStringLiteral("10012345678902");
}

void TestGtin::toEan13Key()
{
    QFETCH(QString, code);
    QFETCH(QString, key);

    QCOMPARE(Gtin::toEan13Key(code), key);
    QVERIFY(Gtin::isValid(Gtin::toEan13Key(code)));
}

void TestGtin::lengthAndDigitHelpers()
{
    for (const int length : {8, 12, 13, 14})
        QVERIFY(Gtin::hasGtinLength(QString(length, QLatin1Char('0'))));
    for (const int length : {0, 1, 7, 9, 10, 11, 15, 16, 19})
        QVERIFY(!Gtin::hasGtinLength(QString(length, QLatin1Char('0'))));
    QVERIFY(Gtin::isAllDigits(u"0123456789"));
    QVERIFY(!Gtin::isAllDigits(u""));
    QVERIFY(!Gtin::isAllDigits(u"12 34"));
    QVERIFY(!Gtin::isAllDigits(u"１２"));
}

QTEST_GUILESS_MAIN(TestGtin)
#include "TestGtin.moc"
