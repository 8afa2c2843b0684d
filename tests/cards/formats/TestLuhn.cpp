// The Luhn check against the card schemes' published test numbers.
#include "cards/formats/Luhn.h"

#include <QTest>

using namespace loyalty;

class TestLuhn final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isValid_data();
    void isValid();
};

void TestLuhn::isValid_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<bool>("valid");

    QTest::newRow("visa") << QStringLiteral("4111111111111111") << true;
    QTest::newRow("visa 2") << QStringLiteral("4012888888881881") << true;
    QTest::newRow("visa 13") << QStringLiteral("4222222222222") << true;
    QTest::newRow("mastercard") << QStringLiteral("5555555555554444") << true;
    QTest::newRow("mastercard 2-series") << QStringLiteral("2223003122003222") << true;
    QTest::newRow("amex") << QStringLiteral("378282246310005") << true;
    QTest::newRow("discover") << QStringLiteral("6011111111111117") << true;
    QTest::newRow("jcb") << QStringLiteral("3530111333300000") << true;
    QTest::newRow("diners") << QStringLiteral("30569309025904") << true;
    QTest::newRow("zero") << QStringLiteral("0") << true;
    QTest::newRow("visa last digit off") << QStringLiteral("4111111111111112") << false;
    QTest::newRow("two digits swapped") << QStringLiteral("4111111111111161") << false;
    QTest::newRow("loyalty ean13") << QStringLiteral("2000000123455") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("not digits") << QStringLiteral("4111-1111") << false;
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0664\u0661\u0661\u0661") << false;
}

void TestLuhn::isValid()
{
    QFETCH(QString, digits);
    QFETCH(bool, valid);
    QCOMPARE(Luhn::isValid(digits), valid);
}

QTEST_GUILESS_MAIN(TestLuhn)
#include "TestLuhn.moc"
