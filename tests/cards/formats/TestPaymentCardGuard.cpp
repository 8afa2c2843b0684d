// Payment cards are found in every shape a till may meet them and refused without a trace of the
// number; loyalty numbers and products are left alone.
#include "cards/formats/PaymentCardGuard.h"

#include <QRegularExpression>
#include <QTest>

using namespace loyalty;

namespace {
const QString kPrefix = QStringLiteral("2000");
}

class TestPaymentCardGuard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refuses_data();
    void refuses();
    void passes_data();
    void passes();
    void iinRanges_data();
    void iinRanges();
};

void TestPaymentCardGuard::refuses_data()
{
    QTest::addColumn<QString>("text");

    // Published test PANs of the schemes, bare as a person might type them.
    for (const char* pan :
         {"4111111111111111", "4012888888881881", "4222222222222", "5555555555554444", "2223003122003222",
          "378282246310005", "6011111111111117", "3530111333300000", "30569309025904"}) {
        QTest::addRow("bare %s", pan) << QString::fromLatin1(pan);
    }
    QTest::newRow("typed in groups") << QStringLiteral("4111 1111 1111 1111");
    QTest::newRow("typed with dashes") << QStringLiteral("5555-5555-5555-4444");
    // ISO/IEC 7813 layouts as stripe readers send them.
    QTest::newRow("track 1") << QStringLiteral("%B4111111111111111^DOE/JOHN^25121010000000000000?");
    QTest::newRow("track 1 amex") << QStringLiteral("%B378282246310005^DOE/JANE^2512101?");
    QTest::newRow("track 1 half read") << QStringLiteral("%B4111111111111111");
    QTest::newRow("track 1 format code A, visa number") << QStringLiteral("%A4111111111111111^DOE/JOHN^2512?");
    QTest::newRow("track 1 lower-case format code") << QStringLiteral("%b4111111111111111^DOE/JOHN^2512?");
    QTest::newRow("track 2") << QStringLiteral(";4111111111111111=25121010000000000000?");
    QTest::newRow("inside a code 128 value") << QStringLiteral("LT4111111111111111");
    QTest::newRow("inside words") << QStringLiteral("card 5555555555554444 please");
    QTest::newRow("track 2 half read") << QStringLiteral(";5555555555554444=");
    QTest::newRow("track 2 no separator") << QStringLiteral(";6011111111111117?");
    QTest::newRow("both tracks") << QStringLiteral("%B4111111111111111^DOE/JOHN^2512101?;4111111111111111=2512101?");
    QTest::newRow("junk before track 2") << QStringLiteral("E;4111111111111111=2512101?");
    QTest::newRow("track 2 with 16-digit 2-series in card range") << QStringLiteral(";2223003122003222=2512?");
}

void TestPaymentCardGuard::refuses()
{
    QFETCH(QString, text);
    const PaymentCardGuard guard(kPrefix);
    const auto decoded = guard.decode(text, CardSource::KeyboardWedge);
    QVERIFY(decoded.has_value());
    QVERIFY(!decoded->ok());
    const Error& error = decoded->error();
    QCOMPARE(error.reason, QStringLiteral("payment_card"));
    QCOMPARE(error.code, Error::Code::Refused);
    QCOMPARE(error.message, QStringLiteral("This is a payment card. Please use the loyalty card."));
    QVERIFY(!error.message.contains(QRegularExpression(QStringLiteral("\\d"))));
}

void TestPaymentCardGuard::passes_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("loyalty ean13") << QStringLiteral("2000000123455");
    QTest::newRow("product ean13") << QStringLiteral("4006381333931");
    // A German product that also passes Luhn: a valid EAN-13 is a product, not a 13-digit Visa.
    QTest::newRow("product ean13 luhn-valid") << QStringLiteral("4006381000093");
    QTest::newRow("ean8") << QStringLiteral("96385074");
    QTest::newRow("upca") << QStringLiteral("036000291452");
    QTest::newRow("luhn-valid outside payment ranges") << QStringLiteral("1234567812345670");
    QTest::newRow("visa with wrong check digit") << QStringLiteral("4111111111111112");
    QTest::newRow("20 digits") << QStringLiteral("41111111111111111115");
    QTest::newRow("12 digits") << QStringLiteral("411111111117");
    QTest::newRow("loyalty track 2") << QStringLiteral(";2000000123455=2812?");
    QTest::newRow("loyalty track 1, format code A") << QStringLiteral("%A1234567812345670^DOE/JOHN^2512?");
    QTest::newRow("loyalty track 1, format code A, in card range") << QStringLiteral("%A2000000123455^DOE^2512?");
    QTest::newRow("track 1 half read, too short") << QStringLiteral("%B4111");
    QTest::newRow("code 128") << QStringLiteral("LT-4111");
    QTest::newRow("words") << QStringLiteral("hello world");
}

void TestPaymentCardGuard::passes()
{
    QFETCH(QString, text);
    const PaymentCardGuard guard(kPrefix);
    QVERIFY(!guard.decode(text, CardSource::Typed).has_value());
}

void TestPaymentCardGuard::iinRanges_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("payment");

    QTest::newRow("visa") << QStringLiteral("4") << true;
    QTest::newRow("mastercard 51") << QStringLiteral("51") << true;
    QTest::newRow("mastercard 55") << QStringLiteral("55") << true;
    QTest::newRow("mastercard 2221") << QStringLiteral("2221") << true;
    QTest::newRow("mastercard 2720") << QStringLiteral("2720") << true;
    QTest::newRow("below 2-series") << QStringLiteral("2220") << false;
    QTest::newRow("above 2-series") << QStringLiteral("2721") << false;
    QTest::newRow("in-store 20") << QStringLiteral("2000") << false;
    QTest::newRow("amex 34") << QStringLiteral("34") << true;
    QTest::newRow("amex 37") << QStringLiteral("37") << true;
    QTest::newRow("discover 6011") << QStringLiteral("6011") << true;
    QTest::newRow("discover 644") << QStringLiteral("644") << true;
    QTest::newRow("discover 65") << QStringLiteral("65") << true;
    QTest::newRow("jcb 3528") << QStringLiteral("3528") << true;
    QTest::newRow("jcb 3589") << QStringLiteral("3589") << true;
    QTest::newRow("below jcb") << QStringLiteral("3527") << false;
    QTest::newRow("diners 300") << QStringLiteral("300") << true;
    QTest::newRow("diners 305") << QStringLiteral("305") << true;
    QTest::newRow("not diners 306") << QStringLiteral("306") << false;
    QTest::newRow("diners 36") << QStringLiteral("36") << true;
    QTest::newRow("diners 38") << QStringLiteral("38") << true;
    QTest::newRow("diners 39") << QStringLiteral("39") << true;
    QTest::newRow("maestro 50") << QStringLiteral("50") << true;
    QTest::newRow("maestro 56") << QStringLiteral("56") << true;
    QTest::newRow("unionpay 62") << QStringLiteral("62") << true;
    QTest::newRow("other 69") << QStringLiteral("69") << true;
    QTest::newRow("1") << QStringLiteral("1") << false;
    QTest::newRow("7") << QStringLiteral("7") << false;
    QTest::newRow("8") << QStringLiteral("8") << false;
    QTest::newRow("9") << QStringLiteral("9") << false;
    QTest::newRow("0") << QStringLiteral("0") << false;
    QTest::newRow("33") << QStringLiteral("33") << false;
}

void TestPaymentCardGuard::iinRanges()
{
    QFETCH(QString, digits);
    QFETCH(bool, payment);
    // Padded like a card number; the IIN is the leading digits.
    QCOMPARE(PaymentCardGuard::inPaymentIinRange(QString(digits + QString(16 - digits.size(), u'0'))), payment);
}

QTEST_GUILESS_MAIN(TestPaymentCardGuard)
#include "TestPaymentCardGuard.moc"
