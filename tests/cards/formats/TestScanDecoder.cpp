// The whole decoder pipeline: what each kind of input becomes, which refusal each kind of bad
// input gets, keyboard layouts, and that no refusal message repeats the input.
#include "FakeDigitalDecoder.h"
#include "cards/formats/ScanDecoder.h"

#include <QRegularExpression>
#include <QTest>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QString kPrefix = QStringLiteral("2000");

// Every run of 6 or more digits in `text`.
QStringList digitRuns(const QString& text)
{
    QStringList runs;
    static const QRegularExpression run(QStringLiteral("\\d{6,}"));
    for (const auto& match : run.globalMatch(text))
        runs.append(match.captured());
    return runs;
}
}  // namespace

class TestScanDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void refuses_data();
    void refuses();
    void digitalDecodersRunAfterThePaymentGuard();
    void addedDecoderIsUsedOnce();
};

void TestScanDecoder::decodes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<CardRead::Kind>("kind");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("format");

    using Kind = CardRead::Kind;
    const QString card = QStringLiteral("2000000123455");
    QTest::newRow("ean13 card") << card << Kind::LoyaltyNumber << card << QStringLiteral("ean13");
    QTest::newRow("ean13 card CR") << card + u'\r' << Kind::LoyaltyNumber << card << QStringLiteral("ean13");
    QTest::newRow("ean13 card LF") << card + u'\n' << Kind::LoyaltyNumber << card << QStringLiteral("ean13");
    QTest::newRow("ean13 card CRLF") << card + QStringLiteral("\r\n") << Kind::LoyaltyNumber << card
                                     << QStringLiteral("ean13");
    QTest::newRow("ean13 card Tab") << card + u'\t' << Kind::LoyaltyNumber << card << QStringLiteral("ean13");
    QTest::newRow("ean13 card typed with spaces")
        << QStringLiteral(" 2000000123455 ") << Kind::LoyaltyNumber << card << QStringLiteral("ean13");
    QTest::newRow("ean13 product") << QStringLiteral("4006381333931") << Kind::Product
                                   << QStringLiteral("4006381333931") << QStringLiteral("ean13");
    QTest::newRow("ean13 product that passes Luhn") << QStringLiteral("4006381000093") << Kind::Product
                                                    << QStringLiteral("4006381000093") << QStringLiteral("ean13");
    QTest::newRow("ean8") << QStringLiteral("96385074") << Kind::Product << QStringLiteral("96385074")
                          << QStringLiteral("ean8");
    QTest::newRow("upca") << QStringLiteral("036000291452") << Kind::Product << QStringLiteral("036000291452")
                          << QStringLiteral("upca");
    QTest::newRow("gtin14") << QStringLiteral("10012345678902") << Kind::Product << QStringLiteral("10012345678902")
                            << QStringLiteral("gtin14");
    QTest::newRow("track 2") << QStringLiteral(";2000000123455=2812?\r") << Kind::LoyaltyNumber << card
                             << QStringLiteral("track2");
    QTest::newRow("track 1") << QStringLiteral("%A2000000123455^MUSTERMANN/ERIKA^2812?") << Kind::LoyaltyNumber << card
                             << QStringLiteral("track1");
    QTest::newRow("track 1 format B, not a PAN") << QStringLiteral("%B2000000123455^MUSTERMANN/ERIKA^2812?")
                                                 << Kind::LoyaltyNumber << card << QStringLiteral("track1");
    QTest::newRow("both tracks") << QStringLiteral("%A2000000123455^MUSTERMANN/ERIKA^2812?;2000000123455=2812?\n")
                                 << Kind::LoyaltyNumber << card << QStringLiteral("track2");
    QTest::newRow("code 128") << QStringLiteral("LT-000123") << Kind::LoyaltyNumber << QStringLiteral("LT-000123")
                              << QStringLiteral("code128");
    QTest::newRow("code 128 caps lock") << QStringLiteral("lt-000123") << Kind::LoyaltyNumber
                                        << QStringLiteral("LT-000123") << QStringLiteral("code128");
    QTest::newRow("digital card") << QStringLiteral("DC1:card-42") << Kind::DigitalCard << QStringLiteral("card-42")
                                  << QStringLiteral("qr");
    // A US-layout scanner on a French till: the digit row maps one to one.
    QTest::newRow("azerty ean13 card") << QStringLiteral("éàààààà&é\"'((\r") << Kind::LoyaltyNumber << card
                                       << QStringLiteral("ean13");
    QTest::newRow("azerty ean8") << QStringLiteral("ç-\"_(àè'") << Kind::Product << QStringLiteral("96385074")
                                 << QStringLiteral("ean8");
    QTest::newRow("azerty track 2") << QStringLiteral("méàààààà&é\"'((=é_&é§") << Kind::LoyaltyNumber << card
                                    << QStringLiteral("track2");
    // ... and on a German one: digits are right, the sentinels are not.
    QTest::newRow("qwertz ean13 card") << card << Kind::LoyaltyNumber << card << QStringLiteral("ean13");
    QTest::newRow("qwertz track 2") << QStringLiteral("ö2000000123455´2812_") << Kind::LoyaltyNumber << card
                                    << QStringLiteral("track2");
}

void TestScanDecoder::decodes()
{
    QFETCH(QString, raw);
    QFETCH(CardRead::Kind, kind);
    QFETCH(QString, identifier);
    QFETCH(QString, format);
    const FakeDigitalDecoder digital;
    const ScanDecoder decoder(kPrefix, {&digital});
    const auto read = decoder.decode(raw, CardSource::KeyboardWedge);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().reason));
    QCOMPARE(read->kind, kind);
    QCOMPARE(read->identifier, identifier);
    QCOMPARE(read->format, format);
    QCOMPARE(read->source, CardSource::KeyboardWedge);
}

void TestScanDecoder::refuses_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("reason");

    const QString payment = QStringLiteral("payment_card");
    const QString layout = QStringLiteral("keyboard_layout");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("terminator only") << QStringLiteral("\r\n") << QStringLiteral("empty");
    QTest::newRow("10 kB burst") << QString(10 * 1024, u'4') << QStringLiteral("too_long");
    QTest::newRow("10 kB burst of a repeated card")
        << QStringLiteral("4111111111111111\r").repeated(600) << QStringLiteral("too_long");
    QTest::newRow("control character") << QStringLiteral("2000000\a123455") << QStringLiteral("control_characters");
    QTest::newRow("two lines") << QStringLiteral("2000000123455\n4006381333931\n")
                               << QStringLiteral("control_characters");
    QTest::newRow("euro sign") << QStringLiteral("2000000123455€") << QStringLiteral("non_ascii");
    QTest::newRow("cjk") << QStringLiteral("日本語") << QStringLiteral("non_ascii");
    QTest::newRow("emoji") << QStringLiteral("\U0001F600") << QStringLiteral("non_ascii");
    QTest::newRow("check digit card") << QStringLiteral("2000000123456") << QStringLiteral("check_digit");
    QTest::newRow("check digit product") << QStringLiteral("4006381333930") << QStringLiteral("check_digit");
    // A misread that happens to be a Luhn-valid number in the Visa range is refused on the safe side.
    QTest::newRow("check digit product, luhn-valid")
        << QStringLiteral("4006381333932") << QStringLiteral("payment_card");
    QTest::newRow("words") << QStringLiteral("hello") << QStringLiteral("unknown_format");
    QTest::newRow("short number") << QStringLiteral("123456") << QStringLiteral("unknown_format");
    QTest::newRow("code 128 wrong prefix") << QStringLiteral("XX-000123") << QStringLiteral("unknown_format");
    QTest::newRow("ascii punctuation") << QStringLiteral("'&&&&&&&&&&") << QStringLiteral("unknown_format");
    QTest::newRow("track 1 half read") << QStringLiteral("%B4111") << QStringLiteral("malformed_track");
    QTest::newRow("track 2 half read") << QStringLiteral(";2000000123455=") << QStringLiteral("malformed_track");
    QTest::newRow("track 2 no end sentinel")
        << QStringLiteral(";2000000123455=2812\r") << QStringLiteral("malformed_track");
    QTest::newRow("digital card forged") << QStringLiteral("DC1:forged") << QStringLiteral("forged");
    // Payment cards, public test PANs, however they arrive.
    for (const char* pan : {"4111111111111111", "4012888888881881", "5555555555554444", "2223003122003222",
                            "378282246310005", "6011111111111117", "3530111333300000", "30569309025904"}) {
        const QString number = QString::fromLatin1(pan);
        QTest::addRow("bare %s", pan) << number + u'\r' << payment;
        QTest::addRow("track 1 %s", pan) << QStringLiteral("%B") + number + QStringLiteral("^DOE/JOHN^2512101?")
                                         << payment;
        QTest::addRow("track 2 %s", pan) << u';' + number + QStringLiteral("=2512101?") << payment;
    }
    QTest::newRow("pan typed in groups") << QStringLiteral("4111 1111 1111 1111") << payment;
    QTest::newRow("pan half read track 1") << QStringLiteral("%B4111111111111111") << payment;
    QTest::newRow("pan half read track 2") << QStringLiteral(";4111111111111111=") << payment;
    QTest::newRow("pan both tracks") << QStringLiteral("%B4111111111111111^DOE/JOHN^2512?;4111111111111111=2512?")
                                     << payment;
    QTest::newRow("pan with umlaut in name") << QStringLiteral("%B4111111111111111^MÜLLER/HANS^2512?") << payment;
    QTest::newRow("pan looking like a digital card") << QStringLiteral("DC1:;4111111111111111=2512?") << payment;
    QTest::newRow("pan qwertz track 2") << QStringLiteral("ö4111111111111111´2512101_") << payment;
    QTest::newRow("pan qwertz track 1") << QStringLiteral("%B4111111111111111&DOE-JOHN&2512101_") << payment;
    QTest::newRow("pan azerty track 2") << QStringLiteral("m'&&&&&&&&&&&&&&&=é(&é&à&§") << payment;
    QTest::newRow("pan azerty track 1") << QStringLiteral("5B'&&&&&&&&&&&&&&&6DOE!JOHN6é(&é&à&§") << payment;
    QTest::newRow("pan azerty bare") << QStringLiteral("'&&&&&&&&&&&&&&&") << payment;
    QTest::newRow("pan azerty mastercard") << QStringLiteral("((((((((((((''''") << payment;
    // Mapped, but not safely: letters are ambiguous, or the mapped text is still wrong.
    QTest::newRow("qwertz code 128") << QStringLiteral("LTßABC12") << layout;
    QTest::newRow("qwertz track 2 cut short") << QStringLiteral("ö2000000123455´2812") << layout;
    QTest::newRow("azerty code 128") << QStringLiteral("LT)&é\"'(") << layout;
    QTest::newRow("azerty check digit") << QStringLiteral("éàààààà&é\"'(ç") << layout;
}

void TestScanDecoder::refuses()
{
    QFETCH(QString, raw);
    QFETCH(QString, reason);
    const FakeDigitalDecoder digital;
    const ScanDecoder decoder(kPrefix, {&digital});
    const auto read = decoder.decode(raw, CardSource::KeyboardWedge);
    QVERIFY2(!read.ok(), qPrintable(read.ok() ? read->identifier : QString()));
    QCOMPARE(read.error().reason, reason);
    QVERIFY(!read.error().message.isEmpty());
    if (reason == QLatin1String("payment_card")) {
        QCOMPARE(read.error().code, Error::Code::Refused);
        QCOMPARE(read.error().message, QStringLiteral("This is a payment card. Please use the loyalty card."));
    } else if (reason != QLatin1String("forged")) {
        QCOMPARE(read.error().code, Error::Code::InvalidInput);
    }
    if (reason == QLatin1String("unknown_format")) {
        QCOMPARE(read.error().message, QStringLiteral("Not a card or product barcode this till knows. Scan again or "
                                                      "type the number on the card."));
    }
    // Messages never echo the input.
    for (const QString& run : digitRuns(raw))
        QVERIFY2(!read.error().message.contains(run), qPrintable(read.error().message));
    if (raw.size() >= 4)
        QVERIFY(!read.error().message.contains(raw.trimmed()));
}

void TestScanDecoder::digitalDecodersRunAfterThePaymentGuard()
{
    const FakeDigitalDecoder digital;
    const ScanDecoder decoder(kPrefix, {&digital});
    QCOMPARE(decoder.decode(QStringLiteral("4111111111111111"), CardSource::Typed).error().reason,
             QStringLiteral("payment_card"));
    QCOMPARE(digital.calls(), 0);
    QVERIFY(decoder.decode(QStringLiteral("2000000123455"), CardSource::Typed).ok());
    QCOMPARE(digital.calls(), 1);
}

void TestScanDecoder::addedDecoderIsUsedOnce()
{
    const FakeDigitalDecoder digital;
    ScanDecoder decoder(kPrefix);
    QCOMPARE(decoder.decode(QStringLiteral("DC1:card-1"), CardSource::Typed).error().reason,
             QStringLiteral("unknown_format"));
    decoder.addDecoder(&digital);
    decoder.addDecoder(&digital);
    decoder.addDecoder(nullptr);
    const auto read = decoder.decode(QStringLiteral("DC1:card-1"), CardSource::Typed);
    QVERIFY(read.ok());
    QCOMPARE(read->kind, CardRead::Kind::DigitalCard);
    QCOMPARE(digital.calls(), 1);
}

QTEST_GUILESS_MAIN(TestScanDecoder)
#include "TestScanDecoder.moc"
