// A whole day's tasks by keys only, on the real till (TillShell with the sale screen, offscreen),
// never a mouse click: the first run, a sale with a member scan, F4 redeem (Enter takes the
// dialog's default), F12 complete; Ctrl+P asks for the receipts; F10 and the PIN open the manager
// screens, F2 searches, Enter opens the member, F6 asks for the settings, Esc goes back to the sale.
#include "../managerui/ManagerTestTill.h"
#include "i18n/TranslationLoader.h"
#include "loyalty/RedeemPointsDialog.h"
#include "manager/ManagerScreen.h"
#include "manager/MemberHitModel.h"
#include "manager/MemberPage.h"
#include "manager/MembersPage.h"
#include "manager/StaffPinPage.h"
#include "sale/MessageStrip.h"

#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace loyalty;

class TestKeyboardOnly final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aWholeSaleAndTheManagerScreensByKeysOnly();
    void reportsControlsAndTheMembersCardsByKeys();

private:
    qint64 count(const QString& table) const;
    // The demo member with the most points (so the basket can take a redemption).
    qint64 richMember() const;

    std::unique_ptr<ManagerTestTill> m_till;
};

void TestKeyboardOnly::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestKeyboardOnly::init()
{
    m_till = std::make_unique<ManagerTestTill>();
    QVERIFY(m_till->create(300));
    m_till->startShell();
}

void TestKeyboardOnly::cleanup()
{
    m_till->stop();
    m_till.reset();
}

qint64 TestKeyboardOnly::count(const QString& table) const
{
    QSqlQuery query(m_till->database->connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 TestKeyboardOnly::richMember() const
{
    QSqlQuery query(m_till->database->connection());
    if (!query.exec(QStringLiteral("SELECT member_id FROM ledger_entries WHERE account = 'points' GROUP BY member_id "
                                   "ORDER BY sum(points) DESC, member_id LIMIT 1")) ||
        !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestKeyboardOnly::aWholeSaleAndTheManagerScreensByKeysOnly()
{
    // The first run, by keys: name, PIN, PIN again.
    ManagerTestTill::type(QStringLiteral("Bea Manager"));
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerTestTill::type(QStringLiteral("2580"));
    SaleWindow* sale = m_till->sale();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(sale));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(sale->scanField()));

    // The member's card and goods, typed as a scanner types them.
    const qint64 memberId = richMember();
    QVERIFY(memberId > 0);
    ManagerTestTill::type(DemoDataGenerator::cardNumberFor(memberId));
    QVERIFY(m_till->session->member());
    QCOMPARE(m_till->session->member()->member.id, memberId);
    ManagerTestTill::type(DemoDataGenerator::productEanFor(0));
    ManagerTestTill::type(DemoDataGenerator::productEanFor(1));
    QCOMPARE(m_till->session->basket().lineCount(), 2);
    for (int i = 0; i < 5; ++i)
        ManagerTestTill::press(Qt::Key_Plus);  // on the empty scan field: the selected line's quantity
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(sale->scanField()));

    // F4: the dialog has the keyboard on its points field; Enter takes the default (Redeem).
    bool redeemSeen = false;
    bool focusInField = false;
    qint64 offered = 0;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<RedeemPointsDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        redeemSeen = true;
        // The keyboard is the dialog's once the platform has activated it.
        const bool active = QTest::qWaitFor([dialog] { return QApplication::activeWindow() == dialog; }, 3000);
        if (active)
            focusInField = QApplication::focusWidget() == dialog->pointsField();
        offered = dialog->pointsField()->value();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        if (dialog->isVisible())
            dialog->reject();  // Enter did not take the default: the checks below fail
    });
    ManagerTestTill::press(Qt::Key_F4);
    QVERIFY(redeemSeen);
    QVERIFY(focusInField);
    QVERIFY(offered > 0);
    QVERIFY(m_till->session->options().redeemPoints > 0);
    QVERIFY(m_till->session->effects().pointsRedeemed() > 0);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(sale->scanField()));

    // Ctrl+P: the receipts (the app opens the history dialog on this signal).
    QSignalSpy receipts(sale, &SaleWindow::receiptsRequested);
    ManagerTestTill::press(Qt::Key_P);  // a plain P is typing, not the receipts
    QCOMPARE(receipts.count(), 0);
    QCOMPARE(sale->scanField()->text(), QStringLiteral("p"));
    ManagerTestTill::press(Qt::Key_Escape);
    QVERIFY(sale->scanField()->text().isEmpty());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(receipts.count(), 1);

    // F12: booked, with the redemption.
    const qint64 salesBefore = count(QStringLiteral("sales"));
    ManagerTestTill::press(Qt::Key_F12);
    QCOMPARE(count(QStringLiteral("sales")), salesBefore + 1);
    QVERIFY(m_till->session->lastCompleted().has_value());
    QVERIFY(m_till->session->lastCompleted()->effects.pointsRedeemed() > 0);
    QCOMPARE(sale->messageStrip()->severity(), MessageStrip::Severity::Success);
    QCOMPARE(m_till->session->basket().lineCount(), 0);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(sale->scanField()));

    // F10 and the PIN: the manager screens, the search field has the keyboard.
    ManagerTestTill::press(Qt::Key_F10);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->managerPinPage()));
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerScreen* screen = m_till->shell->managerScreen();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(screen));

    // F6 on the member search: the settings (H4's dialog opens on this signal), forwarded by the shell.
    QSignalSpy settings(m_till->shell.get(), &TillShell::settingsRequested);
    ManagerTestTill::press(Qt::Key_F6);
    QCOMPARE(settings.count(), 1);

    // F3 reports, then F2 back to the search: the keyboard lands in the search field.
    ManagerTestTill::press(Qt::Key_F3);
    QVERIFY(screen->currentPage() != static_cast<QWidget*>(screen->membersPage()));
    QVERIFY(QApplication::focusWidget());
    ManagerTestTill::press(Qt::Key_F2);
    MembersPage* members = screen->membersPage();
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(members));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(members->searchField()));
    QSignalSpy shown(members, &MembersPage::resultsShown);
    QTest::keyClicks(QApplication::focusWidget(), DemoDataGenerator::cardNumberFor(memberId));
    QVERIFY(shown.wait(10000));
    QCOMPARE(members->model()->rowCount(), 1);
    ManagerTestTill::press(Qt::Key_Return);
    MemberPage* page = screen->memberPage();
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(page));
    QCOMPARE(page->profile()->memberId, memberId);
    QVERIFY(QApplication::focusWidget());
    QVERIFY(page->isAncestorOf(QApplication::focusWidget()));
    // The tabs by keys: Ctrl+Tab moves to the next one.
    const int tab = page->tabs()->currentIndex();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(page->tabs()->currentIndex(), (tab + 1) % page->tabs()->count());

    // Esc: the list; Esc again: the sale, with the keyboard in the scan field.
    ManagerTestTill::press(Qt::Key_Escape);
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(members));
    ManagerTestTill::press(Qt::Key_Escape);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(sale));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(sale->scanField()));
}

void TestKeyboardOnly::reportsControlsAndTheMembersCardsByKeys()
{
    ManagerTestTill::type(QStringLiteral("Bea Manager"));
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerTestTill::press(Qt::Key_F10);
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerScreen* screen = m_till->shell->managerScreen();
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(screen));

    // F3: the reports; Tab walks period, from, to, Show, Export — each reachable by the keyboard.
    ManagerTestTill::press(Qt::Key_F3);
    QWidget* reports = screen->currentPage();
    QVERIFY(reports);
    auto* exportButton = reports->findChild<QPushButton*>(QStringLiteral("exportButton"));
    QVERIFY(exportButton);
    QTRY_VERIFY_WITH_TIMEOUT(exportButton->isEnabled(), 10000);  // the report is computed off the GUI thread
    QStringList reached;
    for (int i = 0; i < 12 && reached.size() < 5; ++i) {
        ManagerTestTill::press(Qt::Key_Tab);
        QWidget* focus = QApplication::focusWidget();
        QVERIFY2(focus && reports->isAncestorOf(focus), "Tab left the reports page");
        if (!reached.contains(focus->objectName()))
            reached << focus->objectName();
    }
    for (const QString& name :
         {QStringLiteral("periodCombo"), QStringLiteral("showButton"), QStringLiteral("exportButton")})
        QVERIFY2(reached.contains(name), qPrintable(reached.join(QLatin1Char(','))));
    // The period changes with the arrow keys on the combo box.
    auto* period = reports->findChild<QComboBox*>(QStringLiteral("periodCombo"));
    QVERIFY(period);
    period->setFocus();
    const int before = period->currentIndex();
    QTest::keyClick(period, before > 0 ? Qt::Key_Up : Qt::Key_Down);
    QVERIFY(period->currentIndex() != before);

    // A member's cards: Ctrl+Tab to the Cards tab, Tab into the table, arrows pick a card.
    ManagerTestTill::press(Qt::Key_F2);
    MembersPage* members = screen->membersPage();
    QSignalSpy shown(members, &MembersPage::resultsShown);
    QTest::keyClicks(QApplication::focusWidget(), DemoDataGenerator::cardNumberFor(42));
    QVERIFY(shown.wait(10000));
    ManagerTestTill::press(Qt::Key_Return);
    MemberPage* page = screen->memberPage();
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(page));
    while (page->tabs()->currentIndex() != 2)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QTableWidget* cards = page->cardsTable();
    for (int i = 0; i < 6 && QApplication::focusWidget() != cards; ++i)
        ManagerTestTill::press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(cards));
    QVERIFY(cards->rowCount() >= 1);
    ManagerTestTill::press(Qt::Key_Down);
    QVERIFY(cards->currentRow() >= 0);
    // Esc from inside the table still goes back (to the list, then to the sale).
    ManagerTestTill::press(Qt::Key_Escape);
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(members));
}

QTEST_MAIN(TestKeyboardOnly)
#include "TestKeyboardOnly.moc"
