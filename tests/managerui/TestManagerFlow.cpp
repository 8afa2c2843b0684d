// The GUI test, on the real till window (TillShell with the sale screen) offscreen and
// with key events only: the first run creates a manager, who is signed in; a sale is started; F10
// and the PIN open the manager screens; typing a name searches, Enter opens the member, F6 adjusts
// their points with a reason; the page shows the new balance; Esc twice is back at the sale with
// the basket and the scan field as they were.
#include "ManagerTestTill.h"
#include "i18n/TranslationLoader.h"
#include "input/WedgeScanCapture.h"
#include "manager/AuditLogPage.h"
#include "manager/FirstRunPage.h"
#include "manager/ManagerScreen.h"
#include "manager/MemberHitModel.h"
#include "manager/MemberOverviewTab.h"
#include "manager/MemberPage.h"
#include "manager/MembersPage.h"
#include "manager/StaffPage.h"
#include "manager/StaffPinPage.h"
#include "manager/corrections/AdjustPointsDialog.h"
#include "manager/corrections/ReasonField.h"
#include "sale/KeyLegend.h"
#include "sale/MessageStrip.h"
#include "settings/TillIdentityEditor.h"

#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace loyalty;

class TestManagerFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstRunRefusesAWeakPinAndMismatchedPins();
    void managerSignsInSearchesOpensAMemberAndAdjustsPoints();
    void aScanBehindAModalDialogStartsNoMemberSearch();
    void auditLogNamesATillIdentityChange();

private:
    void createManager();
    qint64 pointsOf(qint64 memberId) const;

    std::unique_ptr<ManagerTestTill> m_till;
};

void TestManagerFlow::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestManagerFlow::init()
{
    m_till = std::make_unique<ManagerTestTill>();
    QVERIFY(m_till->create(300));
    m_till->startShell();
}

void TestManagerFlow::cleanup()
{
    m_till->stop();
    m_till.reset();
}

qint64 TestManagerFlow::pointsOf(qint64 memberId) const
{
    QSqlQuery query(m_till->database->connection());
    query.prepare(QStringLiteral(
        "SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE member_id = ? AND account = 'points'"));
    query.addBindValue(memberId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestManagerFlow::firstRunRefusesAWeakPinAndMismatchedPins()
{
    FirstRunPage* page = m_till->shell->firstRunPage();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(page));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page->nameField()));
    ManagerTestTill::type(QStringLiteral("Bea Manager"));
    ManagerTestTill::type(QStringLiteral("1234"));
    ManagerTestTill::type(QStringLiteral("1234"));
    // Core's rule, in core's words, on the page.
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(page));
    QVERIFY2(page->messageStrip()->text().contains(QStringLiteral("too easy")),
             qPrintable(page->messageStrip()->text()));

    page->pinField()->clear();
    page->repeatField()->clear();
    page->pinField()->setFocus();
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerTestTill::type(QStringLiteral("2590"));
    QVERIFY2(page->messageStrip()->text().contains(QStringLiteral("differ")), qPrintable(page->messageStrip()->text()));
    QCOMPARE(m_till->staff->hasStaff().value(), false);

    // A card scanned on the first run is neither a name nor a sale.
    page->nameField()->clear();
    page->nameField()->setFocus();
    m_till->sale()->acceptScan(DemoDataGenerator::cardNumberFor(7), CardSource::KeyboardWedge);
    QVERIFY(page->nameField()->text().isEmpty());
    QVERIFY2(page->messageStrip()->text().contains(QStringLiteral("not a name")),
             qPrintable(page->messageStrip()->text()));
    QVERIFY(!m_till->session->member());
}

void TestManagerFlow::createManager()
{
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->firstRunPage()));
    ManagerTestTill::type(QStringLiteral("Bea Manager"));
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerTestTill::type(QStringLiteral("2580"));
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
    QCOMPARE(m_till->staff->hasStaff().value(), true);
}

void TestManagerFlow::aScanBehindAModalDialogStartsNoMemberSearch()
{
    createManager();
    SaleWindow* sale = m_till->sale();
    QTest::keyClick(sale->scanField(), Qt::Key_F10);
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerScreen* screen = m_till->shell->managerScreen();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(screen));
    MembersPage* members = screen->membersPage();
    QVERIFY(members->searchField()->text().isEmpty());
    const QString card = DemoDataGenerator::cardNumberFor(7);

    {
        // A modal dialog of the manager screens (the settings dialog is one) that takes no scans.
        QDialog dialog(m_till->shell.get());
        dialog.setWindowModality(Qt::ApplicationModal);
        auto* field = new QLineEdit(&dialog);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(QApplication::activeModalWidget(), static_cast<QWidget*>(&dialog));
        Q_EMIT sale->wedgeCapture()->scanCaptured(card);  // a wedge burst, as the capture hands it over
        QApplication::processEvents();
        QVERIFY2(members->searchField()->text().isEmpty(), qPrintable(members->searchField()->text()));
        QVERIFY(field->text().isEmpty());
        QVERIFY(m_till->session->basket().isEmpty() && !m_till->session->member());
        QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(screen));
        // A read from a serial scanner: the same.
        CardRead read;
        read.identifier = card;
        read.source = CardSource::Serial;
        read.format = QStringLiteral("ean13");
        sale->acceptDecodedRead(read);
        QApplication::processEvents();
        QVERIFY(members->searchField()->text().isEmpty());
        QVERIFY(!m_till->session->member());
    }

    // Without the dialog, the scan is the manager screen's member search again.
    QVERIFY(!QApplication::activeModalWidget());
    Q_EMIT sale->wedgeCapture()->scanCaptured(card);
    QCOMPARE(members->searchField()->text(), card);
}

void TestManagerFlow::auditLogNamesATillIdentityChange()
{
    createManager();
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F10);
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerScreen* screen = m_till->shell->managerScreen();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(screen));
    // The settings dialog's save, as the manager signed in here.
    TillIdentityEditor editor(*m_till->database, m_till->clock);
    auto identity = editor.read();
    QVERIFY(identity.ok());
    TillIdentityEditor::Identity changed = *identity;
    changed.tillName = QStringLiteral("Till by the door");
    QVERIFY(editor.save(screen->manager(), changed).ok());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    AuditLogPage* audit = screen->auditLogPage();
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(audit));
    QVERIFY(audit->table()->rowCount() >= 1);
    QCOMPARE(audit->table()->item(0, 3)->text(),
             QStringLiteral("Till name, currency or head office changed (till.identity_changed)"));
    QCOMPARE(audit->verificationStrip()->severity(), MessageStrip::Severity::Success);
}

void TestManagerFlow::managerSignsInSearchesOpensAMemberAndAdjustsPoints()
{
    createManager();
    SaleWindow* sale = m_till->sale();
    QVERIFY2(sale->keyLegend()->statusText().contains(QStringLiteral("Manager: Bea Manager")),
             qPrintable(sale->keyLegend()->statusText()));

    // A sale in progress: a product and a half-typed code stay while the manager works.
    QTest::keyClicks(sale->scanField(), DemoDataGenerator::productEanFor(0));
    QTest::keyClick(sale->scanField(), Qt::Key_Return);
    QCOMPARE(m_till->session->basket().lineCount(), 1);
    QTest::keyClicks(sale->scanField(), QStringLiteral("4006"));

    QTest::keyClick(sale->scanField(), Qt::Key_F10);
    StaffPinPage* prompt = m_till->shell->managerPinPage();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(prompt));
    QCOMPARE(prompt->selectedName(), QStringLiteral("Bea Manager"));
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerScreen* screen = m_till->shell->managerScreen();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(screen));
    MembersPage* members = screen->membersPage();
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(members->searchField()));

    // A member to look for: the demo's member 42, by the first letters of both names.
    QSqlQuery query(m_till->database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT name FROM members WHERE id = 42")) && query.next());
    const QString name = query.value(0).toString();
    query.finish();
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QVERIFY(words.size() >= 2);
    const QString typed = words.first() + QLatin1Char(' ') + words.last().left(3);

    QSignalSpy shown(members, &MembersPage::resultsShown);
    QTest::keyClicks(members->searchField(), typed);
    QVERIFY(shown.wait(10000));  // searched on its own after the pause, on the search thread
    QVERIFY(members->model()->rowCount() > 0);
    int row = -1;
    for (int i = 0; i < members->model()->rowCount(); ++i) {
        if (members->model()->hit(i)->memberId == 42)
            row = i;
    }
    QVERIFY2(row >= 0, qPrintable(typed));
    for (int i = 0; i < row; ++i)
        QTest::keyClick(members->searchField(), Qt::Key_Down);
    QCOMPARE(members->resultsView()->currentIndex().row(), row);
    QTest::keyClick(members->searchField(), Qt::Key_Return);

    MemberPage* page = screen->memberPage();
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(page));
    QVERIFY(page->profile());
    QCOMPARE(page->profile()->memberId, qint64(42));
    QCOMPARE(page->tabs()->count(), 4);
    QCOMPARE(page->tabs()->tabText(0), QStringLiteral("Overview"));
    QCOMPARE(page->tabs()->tabText(3), QStringLiteral("Privacy"));
    const qint64 before = pointsOf(42);
    QCOMPARE(page->profile()->points, before);
    QVERIFY2(page->overview()->pointsText().contains(QLocale().toString(before)),
             qPrintable(page->overview()->pointsText()));

    // F6: the adjustment dialog; 250 points with a reason (OK is refused without one).
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&dialogSeen] {
        auto* dialog = qobject_cast<AdjustPointsDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        QTest::keyClicks(dialog->amountField(), QStringLiteral("250"));
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->reasonField()->setReason(QStringLiteral("points of receipt 1234 missing"));
        QVERIFY(dialog->okButton()->isEnabled());
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    QVERIFY(dialogSeen);
    QCOMPARE(pointsOf(42), before + 250);
    QCOMPARE(page->profile()->points, before + 250);
    QVERIFY2(page->overview()->pointsText().contains(QLocale().toString(before + 250)),
             qPrintable(page->overview()->pointsText()));
    QCOMPARE(page->messageStrip()->severity(), MessageStrip::Severity::Success);

    // The dialog gave the keyboard back to the member page (the window is active again once the
    // platform has processed the activation).
    QVERIFY(QTest::qWaitForWindowActive(m_till->shell.get()));
    QCOMPARE(QApplication::focusWidget(), page->tabs()->tabBar());

    // F4: the audit log names the adjustment, by whom and why, and the chain verifies.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    AuditLogPage* audit = screen->auditLogPage();
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(audit));
    QVERIFY(audit->table()->rowCount() >= 1);
    QCOMPARE(audit->table()->item(0, 2)->text(), QStringLiteral("Bea Manager"));
    QCOMPARE(audit->table()->item(0, 3)->text(), QStringLiteral("Points adjusted (points.adjusted)"));
    QCOMPARE(audit->table()->item(0, 5)->text(), QStringLiteral("points of receipt 1234 missing"));
    QCOMPARE(audit->verificationStrip()->severity(), MessageStrip::Severity::Success);

    // F5: a cashier account, added through core as this manager.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    StaffPage* staff = screen->staffPage();
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(staff->nameField()));
    ManagerTestTill::type(QStringLiteral("Carl Cashier"));
    staff->pinField()->setFocus();
    QTest::keyClicks(staff->pinField(), QStringLiteral("4711"));
    QTest::keyClicks(staff->repeatField(), QStringLiteral("4711"));
    QTest::keyClick(staff->repeatField(), Qt::Key_Return);
    QVERIFY2(staff->messageStrip()->text().contains(QStringLiteral("Cashier Carl Cashier added")),
             qPrintable(staff->messageStrip()->text()));
    QCOMPARE(staff->table()->rowCount(), 2);

    // Back to the member: Esc from the member page goes to the list, Esc again to the sale.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(members));
    QTest::keyClick(members->searchField(), Qt::Key_Return);
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(page));

    // Esc: back to the list; Esc again: back to the sale exactly as it was.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(members));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(sale));
    QCOMPARE(m_till->session->basket().lineCount(), 1);
    QCOMPARE(sale->scanField()->text(), QStringLiteral("4006"));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(sale->scanField()));
    QCOMPARE(m_till->shell->session()->name, QStringLiteral("Bea Manager"));
}

QTEST_MAIN(TestManagerFlow)
#include "TestManagerFlow.moc"
