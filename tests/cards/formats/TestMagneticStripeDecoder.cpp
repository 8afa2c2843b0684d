// Loyalty cards on magnetic stripes, ISO/IEC 7813 Track 1 and Track 2 as keyboard-wedge readers
// send them, and the half or garbled reads a hurried swipe gives.
#include "cards/formats/MagneticStripeDecoder.h"

#include <QTest>

using namespace loyalty;

class TestMagneticStripeDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void refusesMalformed_data();
    void refusesMalformed();
    void ignoresOtherFormats_data();
    void ignoresOtherFormats();
};

void TestMagneticStripeDecoder::decodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("format");

    QTest::newRow("track 2") << QStringLiteral(";2000000123455=2812?") << QStringLiteral("2000000123455")
                             << QStringLiteral("track2");
    QTest::newRow("track 2 long data") << QStringLiteral(";2000000123455=28121010000000000?")
                                       << QStringLiteral("2000000123455") << QStringLiteral("track2");
    QTest::newRow("track 2 empty data") << QStringLiteral(";2000000123455=?") << QStringLiteral("2000000123455")
                                        << QStringLiteral("track2");
    QTest::newRow("track 2 without separator")
        << QStringLiteral(";123456?") << QStringLiteral("123456") << QStringLiteral("track2");
    QTest::newRow("track 1") << QStringLiteral("%A2000000123455^MUSTERMANN/ERIKA^2812?")
                             << QStringLiteral("2000000123455") << QStringLiteral("track1");
    QTest::newRow("track 1 format code B, not a PAN") << QStringLiteral("%B2000000123455^MUSTERMANN/ERIKA^2812101?")
                                                      << QStringLiteral("2000000123455") << QStringLiteral("track1");
    QTest::newRow("track 1 empty name") << QStringLiteral("%A7654321^^?") << QStringLiteral("7654321")
                                        << QStringLiteral("track1");
    QTest::newRow("both tracks") << QStringLiteral("%A2000000123455^MUSTERMANN/ERIKA^2812?;2000000123455=2812?")
                                 << QStringLiteral("2000000123455") << QStringLiteral("track2");
    QTest::newRow("19-digit number") << QStringLiteral(";1234567890123456789=?")
                                     << QStringLiteral("1234567890123456789") << QStringLiteral("track2");
}

void TestMagneticStripeDecoder::decodes()
{
    QFETCH(QString, text);
    QFETCH(QString, number);
    QFETCH(QString, format);
    const MagneticStripeDecoder decoder;
    const auto decoded = decoder.decode(text, CardSource::KeyboardWedge);
    QVERIFY(decoded.has_value());
    QVERIFY2(decoded->ok(), qPrintable(decoded->ok() ? QString() : decoded->error().reason));
    QCOMPARE((*decoded)->kind, CardRead::Kind::LoyaltyNumber);
    QCOMPARE((*decoded)->identifier, number);
    QCOMPARE((*decoded)->format, format);
    QCOMPARE((*decoded)->source, CardSource::KeyboardWedge);
}

void TestMagneticStripeDecoder::refusesMalformed_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("start sentinel only %") << QStringLiteral("%");
    QTest::newRow("start sentinel only ;") << QStringLiteral(";");
    QTest::newRow("track 1 half read") << QStringLiteral("%B4111");
    QTest::newRow("track 1 no end sentinel") << QStringLiteral("%A2000000123455^MUSTERMANN/ERIKA^2812");
    QTest::newRow("track 1 one separator") << QStringLiteral("%A2000000123455^MUSTERMANN?");
    QTest::newRow("track 1 no format code") << QStringLiteral("%2000000123455^A^1?");
    QTest::newRow("track 1 lower-case in name") << QStringLiteral("%A2000000123455^mustermann^2812?");
    QTest::newRow("track 1 name too long") << QStringLiteral("%A2000000123455^ABCDEFGHIJKLMNOPQRSTUVWXYZA^2812?");
    QTest::newRow("track 1 number with letter") << QStringLiteral("%A20000001234X5^NAME^2812?");
    QTest::newRow("track 1 number too short") << QStringLiteral("%A12345^NAME^2812?");
    QTest::newRow("track 1 too long") << QStringLiteral("%A2000000123455^NAME^") + QString(60, u'0') + u'?';
    QTest::newRow("track 2 half read") << QStringLiteral(";2000000123455=");
    QTest::newRow("track 2 no end sentinel") << QStringLiteral(";2000000123455=2812");
    QTest::newRow("track 2 letter in data") << QStringLiteral(";2000000123455=28A2?");
    QTest::newRow("track 2 number too short") << QStringLiteral(";20001=1?");
    QTest::newRow("track 2 number too long") << QStringLiteral(";12345678901234567890=?");
    QTest::newRow("track 2 two separators") << QStringLiteral(";2000000123455=28=12?");
    QTest::newRow("track 2 too long") << QStringLiteral(";2000000123455=") + QString(30, u'0') + u'?';
    QTest::newRow("track 2 text after end") << QStringLiteral(";2000000123455=2812?X");
    QTest::newRow("tracks disagree") << QStringLiteral("%A2000000123455^NAME^2812?;2000000999991=2812?");
    QTest::newRow("track 1 then garbage") << QStringLiteral("%A2000000123455^NAME^2812?garbage");
}

void TestMagneticStripeDecoder::refusesMalformed()
{
    QFETCH(QString, text);
    const MagneticStripeDecoder decoder;
    const auto decoded = decoder.decode(text, CardSource::KeyboardWedge);
    QVERIFY(decoded.has_value());
    QVERIFY(!decoded->ok());
    QCOMPARE(decoded->error().reason, QStringLiteral("malformed_track"));
    QCOMPARE(decoded->error().code, Error::Code::InvalidInput);
    QVERIFY(!decoded->error().message.contains(QStringLiteral("2000")));
}

void TestMagneticStripeDecoder::ignoresOtherFormats_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ean13") << QStringLiteral("2000000123455");
    QTest::newRow("code128") << QStringLiteral("LT-000123");
    QTest::newRow("sentinel later") << QStringLiteral("X;2000000123455=2812?");
    QTest::newRow("empty") << QString();
}

void TestMagneticStripeDecoder::ignoresOtherFormats()
{
    QFETCH(QString, text);
    QVERIFY(!MagneticStripeDecoder().decode(text, CardSource::Typed).has_value());
}

QTEST_GUILESS_MAIN(TestMagneticStripeDecoder)
#include "TestMagneticStripeDecoder.moc"
