// The shift sign-in, the idle lock and the manager PIN on the real till window (the sale screen
// inside TillShell), driven with key events: what a cashier sees when a PIN is wrong, when their
// account is locked, when they try the manager screens, and that the lock keeps the sale.
#include "ManagerTestTill.h"
#include "i18n/TranslationLoader.h"
#include "manager/ManagerScreen.h"
#include "manager/StaffPinPage.h"
#include "sale/BasketModel.h"
#include "sale/KeyLegend.h"
#include "sale/MessageStrip.h"
#include "staff/ManagerGuard.h"

#include <QApplication>
#include <QListWidget>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace loyalty;

namespace {
const QString kManager = QStringLiteral("Bea Manager");
const QString kManagerPin = QStringLiteral("2580");
const QString kCashier = QStringLiteral("Carl Cashier");
const QString kCashierPin = QStringLiteral("4711");
const QString kWrongPin = QStringLiteral("9182");
}  // namespace

class TestManagerSignIn final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void signInOpensTheSaleAndNamesTheCashier();
    void wrongPinIsToldOnThePage();
    void aCardScannedAtTheSignInIsNeitherAPinNorASale();
    void fifthWrongPinLocksTheAccountWithTheTime();
    void cashierIsRefusedTheManagerScreensByCore();
    void managerOverrideOpensTheScreensAndTheCashierStaysSignedIn();
    void idleLockKeepsTheSaleAndOnlyThePinUnlocks();
    void signOutIsRefusedDuringASaleAndClosesTheShiftAfter();

private:
    void signInAs(const QString& name, const QString& pin);
    void pick(StaffPinPage* page, const QString& name);
    void scanProduct(int index);
    qint64 openShifts(const QString& name) const;

    std::unique_ptr<ManagerTestTill> m_till;
};

void TestManagerSignIn::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestManagerSignIn::init()
{
    m_till = std::make_unique<ManagerTestTill>();
    QVERIFY(m_till->create(50));
    auto manager = m_till->staff->createFirstManager(kManager, kManagerPin);
    QVERIFY2(manager.ok(), qPrintable(manager.ok() ? QString() : manager.error().message));
    auto cashier = m_till->staff->add(*manager, kCashier, StaffRole::Cashier, kCashierPin);
    QVERIFY2(cashier.ok(), qPrintable(cashier.ok() ? QString() : cashier.error().message));
    QVERIFY(m_till->staff->signOut(*manager).ok());
    m_till->startShell();
}

void TestManagerSignIn::cleanup()
{
    m_till->stop();
    m_till.reset();
}

void TestManagerSignIn::pick(StaffPinPage* page, const QString& name)
{
    // Up and Down on the PIN field move through the names; go to the top, then down to the name.
    const int rows = page->staffList()->count();
    for (int i = 0; i < rows; ++i)
        QTest::keyClick(page->pinField(), Qt::Key_Up);
    for (int i = 0; i < rows && page->selectedName() != name; ++i)
        QTest::keyClick(page->pinField(), Qt::Key_Down);
    QCOMPARE(page->selectedName(), name);
}

void TestManagerSignIn::signInAs(const QString& name, const QString& pin)
{
    StaffPinPage* page = m_till->shell->signInPage();
    QCOMPARE(m_till->shell->currentPage(), page);
    pick(page, name);
    QTest::keyClicks(page->pinField(), pin);
    QTest::keyClick(page->pinField(), Qt::Key_Return);
}

void TestManagerSignIn::scanProduct(int index)
{
    QTest::keyClicks(m_till->sale()->scanField(), DemoDataGenerator::productEanFor(index));
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_Return);
}

qint64 TestManagerSignIn::openShifts(const QString& name) const
{
    QSqlQuery query(m_till->database->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM shifts JOIN staff ON staff.id = shifts.staff_id"
                                 " WHERE staff.name = ? AND shifts.signed_out_at IS NULL"));
    query.addBindValue(name);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestManagerSignIn::signInOpensTheSaleAndNamesTheCashier()
{
    StaffPinPage* page = m_till->shell->signInPage();
    QCOMPARE(page->staffList()->count(), 2);
    QCOMPARE(QApplication::focusWidget(), page->pinField());
    signInAs(kCashier, kCashierPin);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QVERIFY(m_till->shell->session());
    QCOMPARE(m_till->shell->session()->name, kCashier);
    QCOMPARE(openShifts(kCashier), 1);
    QVERIFY2(m_till->sale()->keyLegend()->statusText().contains(QStringLiteral("Cashier: Carl Cashier")),
             qPrintable(m_till->sale()->keyLegend()->statusText()));
    QVERIFY(m_till->sale()->keyLegend()->keysText().contains(QStringLiteral("Sign out")));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(m_till->sale()->scanField()));
}

void TestManagerSignIn::wrongPinIsToldOnThePage()
{
    signInAs(kCashier, kWrongPin);
    StaffPinPage* page = m_till->shell->signInPage();
    QCOMPARE(m_till->shell->currentPage(), page);
    QCOMPARE(page->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY2(page->messageStrip()->text().contains(QStringLiteral("PIN is wrong")),
             qPrintable(page->messageStrip()->text()));
    QVERIFY(page->pinField()->text().isEmpty());
    QVERIFY(!QApplication::activeModalWidget());  // no message box: the page says it
    QCOMPARE(openShifts(kCashier), 0);
}

void TestManagerSignIn::aCardScannedAtTheSignInIsNeitherAPinNorASale()
{
    // A scanner's burst reaches the sale window's acceptScan first; behind the sign-in it is refused.
    m_till->sale()->acceptScan(DemoDataGenerator::cardNumberFor(7), CardSource::KeyboardWedge);
    StaffPinPage* page = m_till->shell->signInPage();
    QCOMPARE(m_till->shell->currentPage(), page);
    QVERIFY2(page->messageStrip()->text().contains(QStringLiteral("Sign in first")),
             qPrintable(page->messageStrip()->text()));
    QVERIFY(!m_till->session->member());
    const auto staff = m_till->staff->list();
    QVERIFY(staff.ok());
    for (const StaffMember& member : *staff)
        QCOMPARE(member.failedAttempts, 0);  // not counted as a wrong PIN
    // A PIN that arrives as a burst (a tool typing fast) signs in like a typed one.
    pick(page, kCashier);
    m_till->sale()->acceptScan(kCashierPin, CardSource::KeyboardWedge);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QCOMPARE(m_till->shell->session()->name, kCashier);
}

void TestManagerSignIn::fifthWrongPinLocksTheAccountWithTheTime()
{
    for (int i = 0; i < StaffDirectory::kMaxFailedAttempts; ++i)
        signInAs(kCashier, kWrongPin);
    StaffPinPage* page = m_till->shell->signInPage();
    const QString locked = page->messageStrip()->text();
    QVERIFY2(locked.contains(QStringLiteral("locked until")), qPrintable(locked));
    // The clock stands at 09:30 UTC; the first lock lasts 5 minutes: the page names 09:35 local time.
    const QString until = QLocale().toString(
        m_till->clock.now().addSecs(StaffDirectory::kFirstLockSeconds).toLocalTime().time(), QLocale::ShortFormat);
    QVERIFY2(locked.contains(until), qPrintable(locked + QStringLiteral(" / ") + until));
    // Even the right PIN is refused while locked, with the same words.
    signInAs(kCashier, kCashierPin);
    QCOMPARE(m_till->shell->currentPage(), page);
    QVERIFY(page->messageStrip()->text().contains(QStringLiteral("locked until")));
    QVERIFY(!m_till->shell->session());
}

void TestManagerSignIn::cashierIsRefusedTheManagerScreensByCore()
{
    signInAs(kCashier, kCashierPin);
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F10);
    StaffPinPage* prompt = m_till->shell->managerPinPage();
    QCOMPARE(m_till->shell->currentPage(), prompt);
    // The cashier is on the list (their own PIN is asked, and core says no), the managers after them.
    QCOMPARE(prompt->staffList()->item(0)->text(), kCashier);
    pick(prompt, kCashier);
    QTest::keyClicks(prompt->pinField(), kCashierPin);
    QTest::keyClick(prompt->pinField(), Qt::Key_Return);
    QCOMPARE(m_till->shell->currentPage(), prompt);
    QCOMPARE(prompt->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY2(prompt->messageStrip()->text().contains(QStringLiteral("Only a signed-in manager")),
             qPrintable(prompt->messageStrip()->text()));
    // Core refuses the session itself, whatever the screens show.
    const auto guard = ManagerGuard(m_till->database->connection()).requireManager(*m_till->shell->session());
    QVERIFY(!guard.ok());
    QCOMPARE(guard.error().reason, ManagerGuard::kNotAManager);
    // Esc goes back to the sale, still signed in.
    QTest::keyClick(prompt->pinField(), Qt::Key_Escape);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QCOMPARE(m_till->shell->session()->name, kCashier);
}

void TestManagerSignIn::managerOverrideOpensTheScreensAndTheCashierStaysSignedIn()
{
    signInAs(kCashier, kCashierPin);
    const StaffSession cashier = *m_till->shell->session();
    scanProduct(3);
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F10);
    StaffPinPage* prompt = m_till->shell->managerPinPage();
    QCOMPARE(prompt->selectedName(), kManager);  // for a cashier the first manager is preselected
    QTest::keyClicks(prompt->pinField(), kManagerPin);
    QTest::keyClick(prompt->pinField(), Qt::Key_Return);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->managerScreen()));
    const StaffSession manager = m_till->shell->managerScreen()->manager();
    QCOMPARE(manager.name, kManager);
    // The override is a shift of the manager's own; the cashier's stays open in core.
    QCOMPARE(openShifts(kManager), 1);
    QCOMPARE(openShifts(kCashier), 1);
    const ManagerGuard guard(m_till->database->connection());
    QVERIFY(guard.requireManager(manager).ok());
    QVERIFY(guard.requireSignedIn(cashier).ok());
    QCOMPARE(m_till->shell->session()->shiftId, cashier.shiftId);

    // Leaving (F10): the override ends, and the till is back to the cashier's sale with no sign-in.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F10);
    QCOMPARE(openShifts(kManager), 0);
    QCOMPARE(openShifts(kCashier), 1);
    QCOMPARE(guard.requireManager(manager).error().reason, ManagerGuard::kNotAManager);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QVERIFY(m_till->shell->session());
    QCOMPARE(m_till->shell->session()->name, kCashier);
    QCOMPARE(m_till->shell->session()->shiftId, cashier.shiftId);
    QVERIFY(guard.requireSignedIn(*m_till->shell->session()).ok());
    QCOMPARE(m_till->session->basket().lineCount(), 1);
    QVERIFY2(m_till->sale()->keyLegend()->statusText().contains(QStringLiteral("Cashier: Carl Cashier")),
             qPrintable(m_till->sale()->keyLegend()->statusText()));
    QVERIFY(!m_till->sale()->keyLegend()->statusText().contains(kManager));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(m_till->sale()->scanField()));
    // The cashier goes on selling at once.
    scanProduct(4);
    QCOMPARE(m_till->session->basket().lineCount(), 2);

    // Esc leaves the same way.
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F10);
    QCOMPARE(prompt->selectedName(), kManager);
    QTest::keyClicks(prompt->pinField(), kManagerPin);
    QTest::keyClick(prompt->pinField(), Qt::Key_Return);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->managerScreen()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QCOMPARE(openShifts(kManager), 0);
    QCOMPARE(m_till->shell->session()->shiftId, cashier.shiftId);

    // A manager who walks away from the screens: the idle lock closes them and ends the override,
    // so the cashier's PIN can never reopen them; the cashier's PIN unlocks the sale.
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F10);
    QTest::keyClicks(prompt->pinField(), kManagerPin);
    QTest::keyClick(prompt->pinField(), Qt::Key_Return);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->managerScreen()));
    m_till->shell->lockNow();
    QCOMPARE(openShifts(kManager), 0);
    QVERIFY(m_till->shell->isLocked());
    StaffPinPage* lock = m_till->shell->lockPage();
    QCOMPARE(lock->selectedName(), kCashier);
    QTest::keyClicks(lock->pinField(), kCashierPin);
    QTest::keyClick(lock->pinField(), Qt::Key_Return);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QCOMPARE(m_till->shell->session()->shiftId, cashier.shiftId);
    QCOMPARE(m_till->session->basket().lineCount(), 2);
    QCOMPARE(openShifts(kCashier), 1);
}

void TestManagerSignIn::idleLockKeepsTheSaleAndOnlyThePinUnlocks()
{
    signInAs(kCashier, kCashierPin);
    scanProduct(0);
    scanProduct(2);
    QCOMPARE(m_till->session->basket().lineCount(), 2);
    QTest::keyClicks(m_till->sale()->scanField(), QStringLiteral("40063"));  // half-typed code

    // The default is 5 minutes; a short timeout stands in for the pause.
    QCOMPARE(m_till->shell->autoLockInterval(), TillShell::kDefaultAutoLockMinutes * 60 * 1000);
    m_till->shell->setAutoLockInterval(1);
    QTRY_VERIFY(m_till->shell->isLocked());
    StaffPinPage* lock = m_till->shell->lockPage();
    QCOMPARE(lock->selectedName(), kCashier);
    QCOMPARE(QApplication::focusWidget(), lock->pinField());
    m_till->shell->setAutoLockInterval(60 * 60 * 1000);

    QTest::keyClicks(lock->pinField(), kWrongPin);
    QTest::keyClick(lock->pinField(), Qt::Key_Return);
    QVERIFY(m_till->shell->isLocked());
    QVERIFY2(lock->messageStrip()->text().contains(QStringLiteral("PIN is wrong")),
             qPrintable(lock->messageStrip()->text()));
    // The manager's name is there, but their PIN typed for the cashier's name does not unlock.
    QCOMPARE(lock->staffList()->count(), 2);
    QTest::keyClicks(lock->pinField(), kManagerPin);
    QTest::keyClick(lock->pinField(), Qt::Key_Return);
    QVERIFY(m_till->shell->isLocked());

    QTest::keyClicks(lock->pinField(), kCashierPin);
    QTest::keyClick(lock->pinField(), Qt::Key_Return);
    QVERIFY(!m_till->shell->isLocked());
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QCOMPARE(m_till->session->basket().lineCount(), 2);
    QCOMPARE(m_till->sale()->scanField()->text(), QStringLiteral("40063"));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(m_till->sale()->scanField()));
    QCOMPARE(openShifts(kCashier), 1);  // unlocking is no new shift

    // A manager may unlock with their own PIN (a manager override of a moment): the cashier's shift
    // stays open and the till goes back to the cashier's sale under the cashier's session.
    const qint64 cashierShift = m_till->shell->session()->shiftId;
    m_till->shell->lockNow();
    QVERIFY(m_till->shell->isLocked());
    pick(lock, kManager);
    QTest::keyClicks(lock->pinField(), kManagerPin);
    QTest::keyClick(lock->pinField(), Qt::Key_Return);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QCOMPARE(m_till->shell->session()->name, kCashier);
    QCOMPARE(m_till->shell->session()->shiftId, cashierShift);
    QCOMPARE(openShifts(kCashier), 1);
    QCOMPARE(openShifts(kManager), 0);
    QCOMPARE(m_till->session->basket().lineCount(), 2);
    QVERIFY2(m_till->sale()->keyLegend()->statusText().contains(QStringLiteral("Cashier: Carl Cashier")),
             qPrintable(m_till->sale()->keyLegend()->statusText()));
    // The manager's unlock is on record as a shift that opened and ended as an override.
    QSqlQuery ended(m_till->database->connection());
    QVERIFY(ended.exec(QStringLiteral("SELECT count(*) FROM shifts JOIN staff ON staff.id = shifts.staff_id"
                                      " WHERE staff.role = 'manager' AND end_reason = 'override_ended'")));
    QVERIFY(ended.next());
    QCOMPARE(ended.value(0).toInt(), 1);
}

void TestManagerSignIn::signOutIsRefusedDuringASaleAndClosesTheShiftAfter()
{
    signInAs(kCashier, kCashierPin);
    scanProduct(1);
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F1);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QVERIFY2(m_till->sale()->messageStrip()->text().contains(QStringLiteral("then sign out")),
             qPrintable(m_till->sale()->messageStrip()->text()));
    QCOMPARE(openShifts(kCashier), 1);

    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F8);
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F8);
    QVERIFY(m_till->session->basket().isEmpty());
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F1);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->signInPage()));
    QCOMPARE(openShifts(kCashier), 0);
    QVERIFY(!m_till->shell->session());
    // The one who signed out is preselected for the next sign-in.
    QCOMPARE(m_till->shell->signInPage()->selectedName(), kCashier);
    QVERIFY(!m_till->sale()->keyLegend()->statusText().contains(kCashier));
}

QTEST_MAIN(TestManagerSignIn)
#include "TestManagerSignIn.moc"
