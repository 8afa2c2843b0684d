// The Qt accessibility tree of the real till (TillShell with the sale screen, offscreen): every
// visible interactive accessible — buttons, edits, combo boxes, check boxes, lists, tables, tabs —
// on the sale screen, on each manager page and tab, and in every dialog a key opens, has a name
// and a role. A failure lists the offenders by class and objectName.
#include "../managerui/ManagerTestTill.h"
#include "AccessibilityAudit.h"
#include "i18n/TranslationLoader.h"
#include "manager/FirstRunPage.h"
#include "manager/ManagerScreen.h"
#include "manager/MemberPage.h"
#include "manager/MembersPage.h"
#include "manager/StaffPinPage.h"
#include "manager/reports/ReportsPage.h"

#include <QAccessible>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QVBoxLayout>

using namespace loyalty;

class TestAccessibilityTree final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void anUnnamedWidgetIsReportedByObjectName();
    void saleScreenAndItsDialogsAreNamed();
    void managerScreensTheirTabsAndDialogsAreNamed();

private:
    void signInFirstManager();
    void openManagerScreens();
    // Checks `root` and records what it found under `where`.
    void audit(QWidget* root, const QString& where);
    void auditDialog(Qt::Key key, const QString& expectedObjectName, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    std::unique_ptr<ManagerTestTill> m_till;
    QStringList m_offenders;
};

void TestAccessibilityTree::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestAccessibilityTree::init()
{
    m_offenders.clear();
    m_till = std::make_unique<ManagerTestTill>();
    QVERIFY(m_till->create(300));
    m_till->startShell();
}

void TestAccessibilityTree::cleanup()
{
    m_till->stop();
    m_till.reset();
}

void TestAccessibilityTree::signInFirstManager()
{
    audit(m_till->shell->firstRunPage(), QStringLiteral("first run"));
    ManagerTestTill::type(QStringLiteral("Bea Manager"));
    ManagerTestTill::type(QStringLiteral("2580"));
    ManagerTestTill::type(QStringLiteral("2580"));
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->sale()));
}

void TestAccessibilityTree::openManagerScreens()
{
    QTest::keyClick(m_till->sale()->scanField(), Qt::Key_F10);
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->managerPinPage()));
    audit(m_till->shell->managerPinPage(), QStringLiteral("manager PIN"));
    ManagerTestTill::type(QStringLiteral("2580"));
    QCOMPARE(m_till->shell->currentPage(), static_cast<QWidget*>(m_till->shell->managerScreen()));
}

void TestAccessibilityTree::audit(QWidget* root, const QString& where)
{
    QStringList checked;
    const QStringList found = AccessibilityAudit::offenders(root, &checked);
    QVERIFY2(!checked.isEmpty(), qPrintable(where + QStringLiteral(": no interactive accessible found at all")));
    for (const QString& offender : found)
        m_offenders << where + QStringLiteral(": ") + offender;
    qInfo("%s: %d interactive accessibles checked", qPrintable(where), int(checked.size()));
}

void TestAccessibilityTree::auditDialog(Qt::Key key, const QString& expectedObjectName, Qt::KeyboardModifiers modifiers)
{
    const auto visit = AccessibilityAudit::visitDialogByKey(key, modifiers);
    QVERIFY2(visit, qPrintable(QStringLiteral("%1 opened no dialog").arg(QKeySequence(int(key)).toString())));
    QCOMPARE(visit->objectName, expectedObjectName);
    QVERIFY2(visit->checked > 0, qPrintable(expectedObjectName));
    QVERIFY2(visit->focusInside, qPrintable(expectedObjectName + QStringLiteral(" opens without the keyboard")));
    QVERIFY2(visit->closedByEscape, qPrintable(expectedObjectName + QStringLiteral(" does not close with Esc")));
    qInfo("%s: %d interactive accessibles checked", qPrintable(expectedObjectName), visit->checked);
    for (const QString& offender : visit->offenders)
        m_offenders << expectedObjectName + QStringLiteral(": ") + offender;
    // The keyboard is back in the till window once the platform has processed the activation.
    if (!m_till->shell->isActiveWindow())
        m_till->shell->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_till->shell.get()));
    QVERIFY2(QApplication::focusWidget(), qPrintable(expectedObjectName + QStringLiteral(" left no focus")));
}

void TestAccessibilityTree::anUnnamedWidgetIsReportedByObjectName()
{
    // The audit itself: a bare edit and table are offenders; a named one and a button with text are not.
    QWidget root;
    root.setObjectName(QStringLiteral("auditRoot"));
    auto* layout = new QVBoxLayout(&root);
    auto* bare = new QLineEdit(&root);
    bare->setObjectName(QStringLiteral("bareLineEdit"));
    auto* named = new QLineEdit(&root);
    named->setObjectName(QStringLiteral("namedLineEdit"));
    named->setAccessibleName(QStringLiteral("Named"));
    auto* table = new QTableWidget(2, 2, &root);
    table->setObjectName(QStringLiteral("bareTable"));
    auto* button = new QPushButton(QStringLiteral("&Save"), &root);
    button->setObjectName(QStringLiteral("saveButton"));
    for (QWidget* widget : {static_cast<QWidget*>(bare), static_cast<QWidget*>(named), static_cast<QWidget*>(table),
                            static_cast<QWidget*>(button)})
        layout->addWidget(widget);
    root.show();
    QVERIFY(QTest::qWaitForWindowExposed(&root));
    QStringList checked;
    const QStringList found = AccessibilityAudit::offenders(&root, &checked);
    QCOMPARE(found.size(), 2);
    QVERIFY2(found.join(QLatin1Char('|')).contains(QStringLiteral("QLineEdit#bareLineEdit in auditRoot")),
             qPrintable(found.join(QLatin1Char('|'))));
    QVERIFY2(found.join(QLatin1Char('|')).contains(QStringLiteral("QTableWidget#bareTable")),
             qPrintable(found.join(QLatin1Char('|'))));
    QCOMPARE(checked.size(), 4);
}

void TestAccessibilityTree::saleScreenAndItsDialogsAreNamed()
{
    signInFirstManager();
    SaleWindow* sale = m_till->sale();
    // F11 only on an empty sale (a return is its own transaction).
    auditDialog(Qt::Key_F11, QStringLiteral("returnDialog"));
    if (QTest::currentTestFailed())
        return;
    // A member and goods on the sale, so the member panel and the effects show everything.
    QTest::keyClicks(sale->scanField(), DemoDataGenerator::cardNumberFor(42));
    QTest::keyClick(sale->scanField(), Qt::Key_Return);
    QVERIFY(m_till->session->member());
    QTest::keyClicks(sale->scanField(), DemoDataGenerator::productEanFor(0));
    QTest::keyClick(sale->scanField(), Qt::Key_Return);
    QCOMPARE(m_till->session->basket().lineCount(), 1);
    audit(sale, QStringLiteral("sale screen"));

    const QList<QPair<Qt::Key, QString>> dialogs{
        {Qt::Key_F9, QStringLiteral("enrolDialog")},        {Qt::Key_F7, QStringLiteral("memberCardsDialog")},
        {Qt::Key_F6, QStringLiteral("couponDialog")},       {Qt::Key_F4, QStringLiteral("redeemPointsDialog")},
        {Qt::Key_F3, QStringLiteral("rewardPickerDialog")}, {Qt::Key_F2, QStringLiteral("walletSpendDialog")}};
    for (const auto& [key, name] : dialogs) {
        auditDialog(key, name);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY2(m_offenders.isEmpty(), qPrintable(m_offenders.join(QLatin1Char('\n'))));
}

void TestAccessibilityTree::managerScreensTheirTabsAndDialogsAreNamed()
{
    signInFirstManager();
    openManagerScreens();
    ManagerScreen* screen = m_till->shell->managerScreen();
    MembersPage* members = screen->membersPage();

    QSignalSpy shown(members, &MembersPage::resultsShown);
    QTest::keyClicks(members->searchField(), DemoDataGenerator::cardNumberFor(42));
    QVERIFY(shown.wait(10000));
    audit(screen, QStringLiteral("members page"));
    QTest::keyClick(members->searchField(), Qt::Key_Return);
    MemberPage* page = screen->memberPage();
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(page));
    for (int tab = 0; tab < page->tabs()->count(); ++tab) {
        page->tabs()->setCurrentIndex(tab);
        audit(screen, QStringLiteral("member page, tab %1").arg(page->tabs()->tabText(tab)));
    }
    page->tabs()->setCurrentIndex(0);
    const QList<QPair<Qt::Key, QString>> dialogs{{Qt::Key_F6, QStringLiteral("adjustPointsDialog")},
                                                 {Qt::Key_F7, QStringLiteral("adjustWalletDialog")},
                                                 {Qt::Key_F8, QStringLiteral("mergeMembersDialog")}};
    for (const auto& [key, name] : dialogs) {
        auditDialog(key, name);
        if (QTest::currentTestFailed())
            return;
    }

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
    QVERIFY(screen->reportsPage());
    QCOMPARE(screen->currentPage(), static_cast<QWidget*>(screen->reportsPage()));
    audit(screen, QStringLiteral("reports page"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F4);
    audit(screen, QStringLiteral("audit log page"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    audit(screen, QStringLiteral("staff page"));
    QVERIFY2(m_offenders.isEmpty(), qPrintable(m_offenders.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestAccessibilityTree)
#include "TestAccessibilityTree.moc"
