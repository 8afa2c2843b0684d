// Which screen the customer display goes to: the pure choice over lists of screens, and the live
// placement on two offscreen screens (the offscreen platform's configfile gives it a second one).
#include "customer/CustomerDisplay.h"
#include "customer/CustomerDisplayOption.h"
#include "customer/CustomerDisplayPlacement.h"
#include "demo/DemoDataGenerator.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLabel>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

#include <algorithm>
#include <memory>

using namespace loyalty;
using Placement = CustomerDisplayPlacement;
using Mode = CustomerDisplayPlacement::Choice::Mode;

Q_DECLARE_METATYPE(Mode)

namespace {
const QString kTillScreen = QStringLiteral("TILL-1");
const QString kCustomerScreen = QStringLiteral("CUSTOMER-1");
const QRect kTillGeometry(0, 0, 1366, 768);
const QRect kCustomerGeometry(1366, 0, 1024, 600);

QScreen* screenNamed(const QString& name)
{
    const QList<QScreen*> screens = QGuiApplication::screens();
    const auto found =
        std::find_if(screens.cbegin(), screens.cend(), [&name](QScreen* s) { return s->name() == name; });
    return found == screens.cend() ? nullptr : *found;
}

QList<Placement::Screen> screensNamed(const QStringList& names)
{
    QList<Placement::Screen> screens;
    int x = 0;
    for (const QString& name : names) {
        screens.append({name, QRect(x, 0, 1920, 1080), QRect(x, 0, 1920, 1040)});
        x += 1920;
    }
    return screens;
}
}  // namespace

class TestCustomerDisplayPlacement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choosesTheScreen_data();
    void choosesTheScreen();
    void windowOnTheTillScreenStaysInsideIt();
    void commandLineOptionWinsOverThePreference();

    void init();
    void cleanup();
    void goesFullScreenOnTheScreenThatIsNotTheTills();
    void namedScreenIsUsedAndAMissingOneFallsBack();
    void theTillsOwnScreenGetsAWindowWithAStatusNote();
    void givesWayWhenTheTillWindowMovesAndHidesWhenSwitchedOff();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<QWidget> m_till;
    std::unique_ptr<CustomerDisplay> m_display;
};

void TestCustomerDisplayPlacement::choosesTheScreen_data()
{
    QTest::addColumn<QStringList>("screens");
    QTest::addColumn<QString>("tillScreen");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("screen");
    QTest::addColumn<QString>("statusHas");

    const QStringList two{QStringLiteral("DP-1"), QStringLiteral("HDMI-1")};
    const QStringList three{QStringLiteral("DP-1"), QStringLiteral("HDMI-1"), QStringLiteral("HDMI-2")};
    QTest::newRow("switched off") << two << "DP-1" << false << "" << Mode::Hidden << -1 << "switched off";
    QTest::newRow("no screen") << QStringList() << "" << true << "" << Mode::Hidden << -1 << "waits";
    QTest::newRow("one screen: a window")
        << QStringList{QStringLiteral("eDP-1")} << "eDP-1" << true << "" << Mode::Window << 0 << "Only one screen";
    QTest::newRow("second screen") << two << "DP-1" << true << "" << Mode::FullScreen << 1 << "HDMI-1";
    QTest::newRow("till on the second") << two << "HDMI-1" << true << "" << Mode::FullScreen << 0 << "DP-1";
    QTest::newRow("till screen unknown: the first is the till's")
        << two << "" << true << "" << Mode::FullScreen << 1 << "HDMI-1";
    QTest::newRow("named") << three << "DP-1" << true << "HDMI-2" << Mode::FullScreen << 2 << "HDMI-2";
    QTest::newRow("named, not connected") << three << "DP-1" << true << "VGA-1" << Mode::FullScreen << 1
                                          << "VGA-1 is not connected (screens: DP-1, HDMI-1, HDMI-2)";
    QTest::newRow("named, not connected, one screen")
        << QStringList{QStringLiteral("DP-1")} << "DP-1" << true << "VGA-1" << Mode::Window << 0 << "Only one screen";
    QTest::newRow("named the till's") << two << "DP-1" << true << "DP-1" << Mode::Window << 0 << "the till's screen";
    QTest::newRow("nameless screens") << QStringList{QString(), QString()} << "" << true << "" << Mode::FullScreen << 1
                                      << "screen 2";
}

void TestCustomerDisplayPlacement::choosesTheScreen()
{
    QFETCH(QStringList, screens);
    QFETCH(QString, tillScreen);
    QFETCH(bool, enabled);
    QFETCH(QString, wanted);
    QFETCH(Mode, mode);
    QFETCH(int, screen);
    QFETCH(QString, statusHas);

    const auto list = screensNamed(screens);
    const auto choice = Placement::choose(list, CustomerDisplaySetup{enabled, wanted}, tillScreen);
    QCOMPARE(choice.mode, mode);
    QCOMPARE(choice.screen, screen);
    QVERIFY2(choice.status.contains(statusHas), qPrintable(choice.status));
    if (mode == Mode::FullScreen)
        QCOMPARE(choice.geometry, list.at(screen).geometry);
    if (mode == Mode::Hidden)
        QVERIFY(choice.geometry.isNull());
}

void TestCustomerDisplayPlacement::windowOnTheTillScreenStaysInsideIt()
{
    const QList<Placement::Screen> small{{QStringLiteral("LVDS-1"), QRect(0, 0, 800, 480), QRect(0, 24, 800, 456)}};
    const auto choice = Placement::choose(small, CustomerDisplaySetup{true, {}}, QStringLiteral("LVDS-1"));
    QCOMPARE(choice.mode, Mode::Window);
    QVERIFY(small.first().availableGeometry.contains(choice.geometry));
    QVERIFY(choice.geometry.width() >= 320 && choice.geometry.height() >= 228);

    const QList<Placement::Screen> big{{QStringLiteral("DP-1"), QRect(0, 0, 3840, 2160), QRect(0, 0, 3840, 2160)}};
    const auto large = Placement::choose(big, CustomerDisplaySetup{true, {}}, QStringLiteral("DP-1"));
    QCOMPARE(large.geometry.size(), QSize(960, 540));
    QCOMPARE(large.geometry.topRight(), big.first().availableGeometry.topRight());
}

void TestCustomerDisplayPlacement::commandLineOptionWinsOverThePreference()
{
    const CustomerDisplaySetup preference{true, QStringLiteral("DP-2")};
    const QStringList plain{QStringLiteral("loyalty-till"), QStringLiteral("--db"), QStringLiteral("till.db")};
    const CustomerDisplayOption none(plain);
    QVERIFY(!none.given());
    QCOMPARE(none.over(preference), preference);
    QCOMPARE(none.remainingArguments(), plain);

    const CustomerDisplayOption bare({QStringLiteral("loyalty-till"), QStringLiteral("--customer-display"),
                                      QStringLiteral("--db"), QStringLiteral("till.db")});
    QVERIFY(bare.given());
    QCOMPARE(bare.over(CustomerDisplaySetup{}), (CustomerDisplaySetup{true, {}}));
    QCOMPARE(bare.over(preference), (CustomerDisplaySetup{true, {}}));
    QCOMPARE(bare.remainingArguments(), plain);

    const CustomerDisplayOption named({QStringLiteral("loyalty-till"), QStringLiteral("--customer-display=HDMI-1"),
                                       QStringLiteral("--db"), QStringLiteral("till.db")});
    QCOMPARE(named.over(preference), (CustomerDisplaySetup{true, QStringLiteral("HDMI-1")}));
    QCOMPARE(named.remainingArguments(), plain);

    // After "--" nothing is an option.
    const CustomerDisplayOption positional(
        {QStringLiteral("loyalty-till"), QStringLiteral("--"), QStringLiteral("--customer-display")});
    QVERIFY(!positional.given());
    QCOMPARE(positional.remainingArguments().size(), 3);

    // The parser knows it for --help and accepts the rest.
    QCommandLineParser parser;
    parser.addOption(CustomerDisplayOption::helpEntry());
    parser.addOption({QStringLiteral("db"), QString(), QStringLiteral("path")});
    QVERIFY(parser.parse(named.remainingArguments()));
    QCOMPARE(parser.value(QStringLiteral("db")), QStringLiteral("till.db"));
    QVERIFY(parser.helpText().contains(QStringLiteral("--customer-display")));
}

void TestCustomerDisplayPlacement::init()
{
    QCOMPARE(QGuiApplication::screens().size(), 2);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(20).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_session = std::make_unique<SaleSession>(*m_database, *m_clock, *settings);
    m_till = std::make_unique<QWidget>();
    QVERIFY(screenNamed(kTillScreen) && screenNamed(kCustomerScreen));
    m_till->setScreen(screenNamed(kTillScreen));
    m_till->setGeometry(QRect(100, 100, 600, 400));
    m_till->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_till.get()));
    QCOMPARE(m_till->screen()->name(), kTillScreen);
    m_display = std::make_unique<CustomerDisplay>(*m_session);
}

void TestCustomerDisplayPlacement::cleanup()
{
    m_display.reset();
    m_till.reset();
    m_session.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestCustomerDisplayPlacement::goesFullScreenOnTheScreenThatIsNotTheTills()
{
    Placement placement(*m_display, m_till.get(), CustomerDisplaySetup{true, {}});
    QSignalSpy placed(&placement, &Placement::placed);
    placement.place();
    QCOMPARE(placed.size(), 1);
    QVERIFY(placed.at(0).at(0).toString().contains(kCustomerScreen));
    QVERIFY(QTest::qWaitForWindowExposed(m_display.get()));
    QCOMPARE(m_display->screen()->name(), kCustomerScreen);
    QVERIFY(m_display->isFullScreen());
    QTRY_COMPARE(m_display->geometry(), kCustomerGeometry);
    QCOMPARE(m_display->statusNote(), QString());  // nothing to tell the customer
    placement.place();                             // the same again: not logged twice
    QCOMPARE(placed.size(), 1);
}

void TestCustomerDisplayPlacement::namedScreenIsUsedAndAMissingOneFallsBack()
{
    Placement placement(*m_display, m_till.get(), CustomerDisplaySetup{true, kCustomerScreen});
    placement.place();
    QCOMPARE(placement.current().mode, Mode::FullScreen);
    QCOMPARE(m_display->screen()->name(), kCustomerScreen);

    placement.setSetup(CustomerDisplaySetup{true, QStringLiteral("HDMI-9")});
    QCOMPARE(placement.current().mode, Mode::FullScreen);
    QVERIFY2(placement.current().status.contains(QStringLiteral("HDMI-9 is not connected")),
             qPrintable(placement.current().status));
    QVERIFY(placement.current().status.contains(kTillScreen) && placement.current().status.contains(kCustomerScreen));
    QCOMPARE(m_display->screen()->name(), kCustomerScreen);
}

void TestCustomerDisplayPlacement::theTillsOwnScreenGetsAWindowWithAStatusNote()
{
    Placement placement(*m_display, m_till.get(), CustomerDisplaySetup{true, kTillScreen});
    placement.place();
    QCOMPARE(placement.current().mode, Mode::Window);
    QVERIFY(QTest::qWaitForWindowExposed(m_display.get()));
    QVERIFY(!m_display->isFullScreen());
    QCOMPARE(m_display->screen()->name(), kTillScreen);
    QVERIFY(kTillGeometry.contains(m_display->geometry()));
    QVERIFY(!m_display->statusNote().isEmpty());
    auto* note = m_display->findChild<QLabel*>(QStringLiteral("customerStatusNoteLabel"));
    QVERIFY(note && note->isVisible());

    // From the window to full screen on the other screen, then back.
    placement.setSetup(CustomerDisplaySetup{true, kCustomerScreen});
    QVERIFY(m_display->isFullScreen());
    QCOMPARE(m_display->screen()->name(), kCustomerScreen);
    QVERIFY(!note->isVisible());
    placement.setSetup(CustomerDisplaySetup{true, kTillScreen});
    QVERIFY(!m_display->isFullScreen());
    QCOMPARE(m_display->screen()->name(), kTillScreen);
}

void TestCustomerDisplayPlacement::givesWayWhenTheTillWindowMovesAndHidesWhenSwitchedOff()
{
    Placement placement(*m_display, m_till.get(), CustomerDisplaySetup{true, {}});
    placement.place();
    QCOMPARE(m_display->screen()->name(), kCustomerScreen);

    // The cashier's window goes to the other screen: the display takes the one it left.
    m_till->windowHandle()->setScreen(screenNamed(kCustomerScreen));
    m_till->move(kCustomerGeometry.topLeft() + QPoint(50, 50));
    QTRY_COMPARE(m_till->screen()->name(), kCustomerScreen);
    QTRY_COMPARE(m_display->screen()->name(), kTillScreen);
    QVERIFY(m_display->isFullScreen());

    placement.setSetup(CustomerDisplaySetup{false, {}});
    QCOMPARE(placement.current().mode, Mode::Hidden);
    QVERIFY(!m_display->isVisible());
}

int main(int argc, char** argv)
{
    // Two screens side by side, the way a till with a customer monitor has them.
    QTemporaryDir configDir;
    if (!configDir.isValid())
        return 1;
    const QString config = configDir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(QStringLiteral(R"({"screens": [
        {"name": "%1", "x": %2, "y": %3, "width": %4, "height": %5},
        {"name": "%6", "x": %7, "y": %8, "width": %9, "height": %10}]})")
                   .arg(kTillScreen)
                   .arg(kTillGeometry.x())
                   .arg(kTillGeometry.y())
                   .arg(kTillGeometry.width())
                   .arg(kTillGeometry.height())
                   .arg(kCustomerScreen)
                   .arg(kCustomerGeometry.x())
                   .arg(kCustomerGeometry.y())
                   .arg(kCustomerGeometry.width())
                   .arg(kCustomerGeometry.height())
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + QFile::encodeName(config));
    QApplication application(argc, argv);
    TestCustomerDisplayPlacement test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestCustomerDisplayPlacement.moc"
