// Money arithmetic in integer minor units, its rounding rules and how amounts are shown per locale.
#include "money/Money.h"
#include "money/MoneyFormatter.h"
#include "money/MoneyParser.h"

#include <QTest>

#include <limits>

using namespace loyalty;

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

const QString kEur = QStringLiteral("EUR");
const QString kUsd = QStringLiteral("USD");
const QString kJpy = QStringLiteral("JPY");

Money eur(qint64 cents)
{
    return Money(cents, kEur);
}
}  // namespace

class TestMoney final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void arithmetic();
    void comparison();
    void mixingCurrenciesThrows();
    void overflowThrows();
    void percent_data();
    void percent();
    void percentDefaultsToCommercialRounding();
    void divideRounded_data();
    void divideRounded();
    void divideRoundedRefusesNonPositiveDenominator();
    void wholeUnits_data();
    void wholeUnits();
    void debugString();
    void format_data();
    void format();
    void formatAgreesWithQLocale_data();
    void formatAgreesWithQLocale();
    void formatNumber();
    void parse_data();
    void parse();
};

void TestMoney::arithmetic()
{
    QCOMPARE((eur(1250) + eur(399)).minorUnits(), 1649);
    QCOMPARE((eur(1250) - eur(1399)).minorUnits(), -149);
    QCOMPARE((-eur(1250)).minorUnits(), -1250);
    QCOMPARE(eur(199).times(3).minorUnits(), 597);
    QCOMPARE(eur(199).times(-2).minorUnits(), -398);
    QCOMPARE(eur(199).times(0).minorUnits(), 0);

    Money sum = Money::zero(kEur);
    QVERIFY(sum.isZero());
    sum += eur(1000);
    sum += eur(234);
    sum -= eur(1);
    QCOMPARE(sum, eur(1233));
    QCOMPARE(sum.currency(), kEur);
    QVERIFY(!sum.isNegative());
    sum -= eur(2000);
    QCOMPARE(sum.minorUnits(), -767);
    QVERIFY(sum.isNegative());

    // The currency travels with the result.
    QCOMPARE((Money(5, kJpy) + Money(7, kJpy)).currency(), kJpy);
}

void TestMoney::comparison()
{
    QVERIFY(eur(100) < eur(101));
    QVERIFY(eur(101) > eur(100));
    QVERIFY(eur(100) <= eur(100));
    QVERIFY(eur(100) >= eur(100));
    QVERIFY(!(eur(101) <= eur(100)));
    QVERIFY(eur(-1) < eur(0));
    QCOMPARE(eur(100), eur(100));
    // Equality does not throw: the same number of another currency is simply another amount.
    QVERIFY(eur(100) != Money(100, kUsd));
}

void TestMoney::mixingCurrenciesThrows()
{
    const Money euros = eur(100);
    const Money dollars(100, kUsd);
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, euros + dollars);
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, euros - dollars);
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, euros < dollars);
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, euros <= dollars);
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, euros > dollars);
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, euros >= dollars);

    Money total = eur(500);
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, total += dollars);
    QCOMPARE(total, eur(500));  // a refused addition leaves the amount as it was
    QVERIFY_THROWS_EXCEPTION(CurrencyMismatch, total -= dollars);
    QCOMPARE(total, eur(500));

    try {
        (void)(euros + dollars);
        QFAIL("no exception");
    } catch (const CurrencyMismatch& mismatch) {
        QCOMPARE(QString::fromUtf8(mismatch.what()), QStringLiteral("cannot combine EUR with USD"));
    }
}

void TestMoney::overflowThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, eur(kMax) + eur(1));
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, eur(kMin) - eur(1));
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, eur(0) - eur(kMin));
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, -eur(kMin));
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, eur(kMax / 2 + 1).times(2));
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, eur(kMax / 10000 + 1).percent(10000));
    Money total = eur(kMax);
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, total += eur(1));
    QCOMPARE(total.minorUnits(), kMax);

    // The edges themselves are representable.
    QCOMPARE((eur(kMax - 1) + eur(1)).minorUnits(), kMax);
    QCOMPARE((eur(kMin + 1) - eur(1)).minorUnits(), kMin);
    QCOMPARE(eur(kMax / 2).times(2).minorUnits(), kMax - 1);
}

void TestMoney::percent_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("basisPoints");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");

    struct Case
    {
        const char* name;
        qint64 minor;
        qint64 basisPoints;
        qint64 halfAway;
        qint64 halfEven;
        qint64 towardZero;
        qint64 awayFromZero;
    };
    const Case cases[] = {
        {"5% of 10.00 exact", 1000, 500, 50, 50, 50, 50},
        {"5% of 0.10 = 0.5 ct", 10, 500, 1, 0, 0, 1},
        {"5% of 0.30 = 1.5 ct", 30, 500, 2, 2, 1, 2},
        {"1% of 2.50 = 2.5 ct", 250, 100, 3, 2, 2, 3},
        {"5% of -0.10 = -0.5 ct", -10, 500, -1, 0, 0, -1},
        {"5% of -0.30 = -1.5 ct", -30, 500, -2, -2, -1, -2},
        {"1% of -2.50 = -2.5 ct", -250, 100, -3, -2, -2, -3},
        {"12.5% of 19.99 = 249.875 ct", 1999, 1250, 250, 250, 249, 250},
        {"12.5% of -19.99", -1999, 1250, -250, -250, -249, -250},
        {"0.01% of 12.34 = 0.1234 ct", 1234, 1, 0, 0, 0, 1},
        {"0.01% of -12.34", -1234, 1, 0, 0, 0, -1},
        {"33.33% of 123.45 = 4114.5885 ct", 12345, 3333, 4115, 4115, 4114, 4115},
        {"19% of 4.99 = 94.81 ct", 499, 1900, 95, 95, 94, 95},
        {"7% of 1.50 = 10.5 ct", 150, 700, 11, 10, 10, 11},
        {"7% of 4.50 = 31.5 ct", 450, 700, 32, 32, 31, 32},
        {"0% of 99.99", 9999, 0, 0, 0, 0, 0},
        {"100% of 0", 0, 10000, 0, 0, 0, 0},
        {"150% of 1.01 = 151.5 ct", 101, 15000, 152, 152, 151, 152},
        {"negative percentage -5% of 0.30", 30, -500, -2, -2, -1, -2},
    };
    for (const Case& c : cases) {
        QTest::addRow("%s, half away", c.name) << c.minor << c.basisPoints << Rounding::HalfAwayFromZero << c.halfAway;
        QTest::addRow("%s, half even", c.name) << c.minor << c.basisPoints << Rounding::HalfEven << c.halfEven;
        QTest::addRow("%s, toward zero", c.name) << c.minor << c.basisPoints << Rounding::TowardZero << c.towardZero;
        QTest::addRow("%s, away from zero", c.name)
            << c.minor << c.basisPoints << Rounding::AwayFromZero << c.awayFromZero;
    }
}

void TestMoney::percent()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, basisPoints);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);

    const Money result = eur(minor).percent(basisPoints, rounding);
    QCOMPARE(result.minorUnits(), expected);
    QCOMPARE(result.currency(), kEur);
}

void TestMoney::percentDefaultsToCommercialRounding()
{
    QCOMPARE(eur(10).percent(500).minorUnits(), 1);
    QCOMPARE(eur(-10).percent(500).minorUnits(), -1);
    QCOMPARE(eur(250).percent(100).minorUnits(), 3);
}

void TestMoney::divideRounded_data()
{
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<Rounding>("rounding");
    QTest::addColumn<qint64>("expected");

    struct Case
    {
        const char* name;
        qint64 numerator;
        qint64 denominator;
        qint64 halfAway;
        qint64 halfEven;
        qint64 towardZero;
        qint64 awayFromZero;
    };
    const Case cases[] = {
        {"exact", 12, 4, 3, 3, 3, 3},
        {"exact negative", -12, 4, -3, -3, -3, -3},
        {"zero", 0, 7, 0, 0, 0, 0},
        {"0.5", 1, 2, 1, 0, 0, 1},
        {"-0.5", -1, 2, -1, 0, 0, -1},
        {"1.5", 3, 2, 2, 2, 1, 2},
        {"-1.5", -3, 2, -2, -2, -1, -2},
        {"2.5", 5, 2, 3, 2, 2, 3},
        {"-2.5", -5, 2, -3, -2, -2, -3},
        {"3.5", 7, 2, 4, 4, 3, 4},
        {"2.333", 7, 3, 2, 2, 2, 3},
        {"-2.333", -7, 3, -2, -2, -2, -3},
        {"2.667", 8, 3, 3, 3, 2, 3},
        {"-2.667", -8, 3, -3, -3, -2, -3},
        {"by one", 12345, 1, 12345, 12345, 12345, 12345},
        {"max by one", kMax, 1, kMax, kMax, kMax, kMax},
        {"min by one", kMin, 1, kMin, kMin, kMin, kMin},
        {"max by two", kMax, 2, kMax / 2 + 1, kMax / 2 + 1, kMax / 2, kMax / 2 + 1},
        {"min by two", kMin, 2, kMin / 2, kMin / 2, kMin / 2, kMin / 2},
        {"min+1 by two", kMin + 1, 2, kMin / 2, kMin / 2, kMin / 2 + 1, kMin / 2},
        // Remainders above half of the largest denominator: twice the remainder does not fit in 64 bits.
        {"just below one, huge denominator", kMax - 1, kMax, 1, 1, 0, 1},
        {"just above zero, huge denominator", 1, kMax, 0, 0, 0, 1},
        {"just above minus one, huge denominator", -(kMax - 1), kMax, -1, -1, 0, -1},
        {"max-1 by max/2+1 (1.99...)", kMax - 1, kMax / 2 + 1, 2, 2, 1, 2},
        {"min by max (-1.0000..1)", kMin, kMax, -1, -1, -1, -2},
    };
    for (const Case& c : cases) {
        QTest::addRow("%s, half away", c.name)
            << c.numerator << c.denominator << Rounding::HalfAwayFromZero << c.halfAway;
        QTest::addRow("%s, half even", c.name) << c.numerator << c.denominator << Rounding::HalfEven << c.halfEven;
        QTest::addRow("%s, toward zero", c.name)
            << c.numerator << c.denominator << Rounding::TowardZero << c.towardZero;
        QTest::addRow("%s, away from zero", c.name)
            << c.numerator << c.denominator << Rounding::AwayFromZero << c.awayFromZero;
    }
}

void TestMoney::divideRounded()
{
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(Rounding, rounding);
    QFETCH(qint64, expected);

    QCOMPARE(loyalty::divideRounded(numerator, denominator, rounding), expected);
}

void TestMoney::divideRoundedRefusesNonPositiveDenominator()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, loyalty::divideRounded(10, 0, Rounding::HalfEven));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, loyalty::divideRounded(10, -2, Rounding::TowardZero));
}

void TestMoney::wholeUnits_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("unit");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("12,99 EUR holds 12 full euros") << qint64(1299) << qint64(100) << qint64(12);
    QTest::newRow("13,00 EUR holds 13") << qint64(1300) << qint64(100) << qint64(13);
    QTest::newRow("0,99 EUR holds none") << qint64(99) << qint64(100) << qint64(0);
    QTest::newRow("1,00 EUR holds 1") << qint64(100) << qint64(100) << qint64(1);
    QTest::newRow("zero") << qint64(0) << qint64(100) << qint64(0);
    QTest::newRow("negative truncates toward zero") << qint64(-1299) << qint64(100) << qint64(-12);
    QTest::newRow("per 5 euros") << qint64(2499) << qint64(500) << qint64(4);
    QTest::newRow("per cent") << qint64(1299) << qint64(1) << qint64(1299);
}

void TestMoney::wholeUnits()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, unit);
    QFETCH(qint64, expected);

    QCOMPARE(eur(minor).wholeUnits(unit), expected);
}

void TestMoney::debugString()
{
    QCOMPARE(eur(123456).toDebugString(), QStringLiteral("1234.56 EUR"));
    QCOMPARE(eur(-5).toDebugString(), QStringLiteral("-0.05 EUR"));
    QCOMPARE(eur(0).toDebugString(), QStringLiteral("0.00 EUR"));
    QCOMPARE(Money(1234, QStringLiteral("JPY")).toDebugString(), QStringLiteral("1234 JPY"));
    QCOMPARE(Money(std::numeric_limits<qint64>::min(), QStringLiteral("EUR")).toDebugString(),
             QStringLiteral("-92233720368547758.08 EUR"));
}

void TestMoney::format_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("expected");

    // CLDR (and so Qt) puts a no-break space (U+00A0) between a German amount and its symbol,
    // so a line break never separates them.
    const QString de = QStringLiteral("de_DE");
    const QString en = QStringLiteral("en_US");
    QTest::newRow("de 1.234,56 €") << de << qint64(123456) << kEur << QStringLiteral("1.234,56\u00a0€");
    QTest::newRow("de millions") << de << qint64(123456789) << kEur << QStringLiteral("1.234.567,89\u00a0€");
    QTest::newRow("de cents only") << de << qint64(5) << kEur << QStringLiteral("0,05\u00a0€");
    QTest::newRow("de zero") << de << qint64(0) << kEur << QStringLiteral("0,00\u00a0€");
    QTest::newRow("de negative") << de << qint64(-123456) << kEur << QStringLiteral("-1.234,56\u00a0€");
    QTest::newRow("de negative cents") << de << qint64(-7) << kEur << QStringLiteral("-0,07\u00a0€");
    QTest::newRow("de JPY has no decimals") << de << qint64(1234) << kJpy << QStringLiteral("1.234\u00a0¥");
    QTest::newRow("de JPY zero") << de << qint64(0) << kJpy << QStringLiteral("0\u00a0¥");
    QTest::newRow("de USD") << de << qint64(1999) << kUsd << QStringLiteral("19,99\u00a0$");
    QTest::newRow("de unknown currency shows its code")
        << de << qint64(150) << QStringLiteral("XYZ") << QStringLiteral("1,50\u00a0XYZ");

    QTest::newRow("en €1,234.56") << en << qint64(123456) << kEur << QStringLiteral("€1,234.56");
    QTest::newRow("en millions") << en << qint64(123456789) << kEur << QStringLiteral("€1,234,567.89");
    QTest::newRow("en zero") << en << qint64(0) << kEur << QStringLiteral("€0.00");
    // Qt's en_US data writes negative currency amounts in accounting style.
    QTest::newRow("en negative") << en << qint64(-123456) << kEur << QStringLiteral("(€1,234.56)");
    QTest::newRow("en JPY has no decimals") << en << qint64(1234) << kJpy << QStringLiteral("¥1,234");
    QTest::newRow("en USD") << en << qint64(100) << kUsd << QStringLiteral("$1.00");
}

void TestMoney::format()
{
    QFETCH(QString, locale);
    QFETCH(qint64, minor);
    QFETCH(QString, currency);
    QFETCH(QString, expected);

    QCOMPARE(MoneyFormatter(QLocale(locale)).format(Money(minor, currency)), expected);
}

void TestMoney::formatAgreesWithQLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("minor");

    const qint64 amounts[] = {0, 1, 99, 100, 1299, 123456, 100000000, -1, -1299, -123456};
    for (const char* locale : {"de_DE", "en_US", "en_GB", "fr_FR", "de_CH", "nl_NL"}) {
        for (const qint64 amount : amounts)
            QTest::addRow("%s %lld", locale, static_cast<long long>(amount)) << QString::fromLatin1(locale) << amount;
    }
}

void TestMoney::formatAgreesWithQLocale()
{
    // Small amounts are exact in a double, so QLocale's own currency formatting is an independent oracle.
    QFETCH(QString, locale);
    QFETCH(qint64, minor);

    const QLocale qlocale(locale);
    const QString expected = qlocale.toCurrencyString(double(minor) / 100.0, QStringLiteral("€"), 2);
    QCOMPARE(MoneyFormatter(qlocale).format(eur(minor)), expected);
}

void TestMoney::formatNumber()
{
    const MoneyFormatter german(QLocale(QStringLiteral("de_DE")));
    QCOMPARE(german.formatNumber(eur(123456)), QStringLiteral("1.234,56"));
    QCOMPARE(german.formatNumber(eur(-123456)), QStringLiteral("-1.234,56"));
    QCOMPARE(german.formatNumber(Money(1234, kJpy)), QStringLiteral("1.234"));
    const MoneyFormatter english(QLocale(QStringLiteral("en_US")));
    QCOMPARE(english.formatNumber(eur(123456)), QStringLiteral("1,234.56"));
    QCOMPARE(english.formatNumber(eur(kMax)), QStringLiteral("92,233,720,368,547,758.07"));
    QCOMPARE(english.formatNumber(eur(kMin)), QStringLiteral("-92,233,720,368,547,758.08"));
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("minor");  // -1: refused
    const auto row = [](const char* name, const char* locale, const char* currency, const QString& text, qint64 minor) {
        QTest::newRow(name) << QString::fromLatin1(locale) << QString::fromLatin1(currency) << text << minor;
    };
    row("de comma", "de_DE", "EUR", QStringLiteral("12,50"), 1250);
    row("de one decimal", "de_DE", "EUR", QStringLiteral("12,5"), 1250);
    row("de grouped", "de_DE", "EUR", QStringLiteral("1.234,56"), 123456);
    row("de with symbol", "de_DE", "EUR", QStringLiteral("12,50 €"), 1250);
    row("de point as decimal", "de_DE", "EUR", QStringLiteral("12.50"), 1250);
    row("de whole", "de_DE", "EUR", QStringLiteral("7"), 700);
    row("en point", "en_US", "EUR", QStringLiteral("€12.50"), 1250);
    row("en grouped", "en_US", "EUR", QStringLiteral("1,234.56"), 123456);
    row("en comma as decimal", "en_US", "EUR", QStringLiteral("12,5"), 1250);
    row("yen no decimals", "ja_JP", "JPY", QStringLiteral("1200"), 1200);
    row("leading fraction", "en_US", "EUR", QStringLiteral(".5"), 50);
    row("three decimals refused", "de_DE", "EUR", QStringLiteral("1,234"), -1);
    row("negative refused", "de_DE", "EUR", QStringLiteral("-5"), -1);
    row("empty refused", "de_DE", "EUR", QString(), -1);
    row("letters refused", "de_DE", "EUR", QStringLiteral("12a"), -1);
    row("two decimal points refused", "de_DE", "EUR", QStringLiteral("1,2,3"), -1);
    row("huge refused", "de_DE", "EUR", QStringLiteral("99999999999999999999"), -1);
}

void TestMoney::parse()
{
    QFETCH(QString, locale);
    QFETCH(QString, currency);
    QFETCH(QString, text);
    QFETCH(qint64, minor);
    const auto parsed = MoneyParser::parseMinor(text, CurrencyInfo::of(currency), QLocale(locale));
    if (minor < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, minor);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "TestMoney.moc"
