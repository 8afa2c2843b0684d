// What a US-layout scanner types into a German or French keyboard layout, mapped back.
#include "cards/formats/KeyboardLayout.h"

#include <QTest>

using namespace loyalty;

using Layout = KeyboardLayout::Layout;

class TestKeyboardLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsBack_data();
    void mapsBack();
    void refusesForeignText_data();
    void refusesForeignText();
    void refusalTellsWhatToDo();
};

void TestKeyboardLayout::mapsBack_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("meant");

    QTest::newRow("de digits unchanged") << Layout::GermanQwertz << QStringLiteral("2000000123455")
                                         << QStringLiteral("2000000123455");
    QTest::newRow("de track 2") << Layout::GermanQwertz << QStringLiteral("ö4111111111111111´2512101_")
                                << QStringLiteral(";4111111111111111=2512101?");
    QTest::newRow("de track 2, acute as apostrophe")
        << Layout::GermanQwertz << QStringLiteral("ö2000000123455'2812_") << QStringLiteral(";2000000123455=2812?");
    QTest::newRow("de track 1") << Layout::GermanQwertz << QStringLiteral("%B4111111111111111&DOE-JOHN&2512101_")
                                << QStringLiteral("%B4111111111111111^DOE/JOHN^2512101?");
    QTest::newRow("de y and z swap") << Layout::GermanQwertz << QStringLiteral("yzYZ") << QStringLiteral("zyZY");
    QTest::newRow("de dash") << Layout::GermanQwertz << QStringLiteral("LTß123") << QStringLiteral("LT-123");
    QTest::newRow("fr digit row") << Layout::FrenchAzerty << QStringLiteral("&é\"'(-è_çà")
                                  << QStringLiteral("1234567890");
    QTest::newRow("fr track 2") << Layout::FrenchAzerty << QStringLiteral("m'&&&&&&&&&&&&&&&=é(&é&à&§")
                                << QStringLiteral(";4111111111111111=2512101?");
    QTest::newRow("fr track 1") << Layout::FrenchAzerty << QStringLiteral("5B'&&&&&&&&&&&&&&&6DOE!JOHN6é(&é&à&§")
                                << QStringLiteral("%B4111111111111111^DOE/JOHN^2512101?");
    QTest::newRow("fr letters") << Layout::FrenchAzerty << QStringLiteral("aqzwAQZW,?") << QStringLiteral("qawzQAWZmM");
    QTest::newRow("fr dash") << Layout::FrenchAzerty << QStringLiteral("LT)&é\"") << QStringLiteral("LT-123");
}

void TestKeyboardLayout::mapsBack()
{
    QFETCH(Layout, layout);
    QFETCH(QString, typed);
    QFETCH(QString, meant);
    const auto mapped = KeyboardLayout::toUs(typed, layout);
    QVERIFY(mapped.has_value());
    QCOMPARE(*mapped, meant);
}

void TestKeyboardLayout::refusesForeignText_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<QString>("typed");

    QTest::newRow("de euro") << Layout::GermanQwertz << QStringLiteral("2000€");
    QTest::newRow("de french accent") << Layout::GermanQwertz << QStringLiteral("éàà");
    QTest::newRow("de curly brace") << Layout::GermanQwertz << QStringLiteral("{1}");
    QTest::newRow("fr real digits") << Layout::FrenchAzerty << QStringLiteral("2000000123455");
    QTest::newRow("fr umlaut") << Layout::FrenchAzerty << QStringLiteral("ö&&&");
    QTest::newRow("fr cjk") << Layout::FrenchAzerty << QStringLiteral("日本");
}

void TestKeyboardLayout::refusesForeignText()
{
    QFETCH(Layout, layout);
    QFETCH(QString, typed);
    QVERIFY(!KeyboardLayout::toUs(typed, layout).has_value());
}

void TestKeyboardLayout::refusalTellsWhatToDo()
{
    const Error german = KeyboardLayout::refusal(Layout::GermanQwertz);
    QCOMPARE(german.reason, QStringLiteral("keyboard_layout"));
    QCOMPARE(german.code, Error::Code::InvalidInput);
    QVERIFY(german.message.contains(QStringLiteral("German (QWERTZ)")));
    QVERIFY(german.message.contains(QStringLiteral("set the scanner to German keyboard")));
    const Error french = KeyboardLayout::refusal(Layout::FrenchAzerty);
    QVERIFY(french.message.contains(QStringLiteral("French (AZERTY)")));
}

QTEST_GUILESS_MAIN(TestKeyboardLayout)
#include "TestKeyboardLayout.moc"
