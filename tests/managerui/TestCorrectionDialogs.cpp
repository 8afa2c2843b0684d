// The manager's correction dialogs driven with key events: OK stays disabled without a reason, an
// adjustment through the dialog changes the balance in the database, a refusal of core (below zero,
// a cashier) is shown in the dialog with nothing written, cards are unblocked and replaced by scan,
// and two accounts are merged after the second, explicit step.
#include "corrections/Corrections.h"
#include "demo/DemoDataGenerator.h"
#include "i18n/TranslationLoader.h"
#include "ledger/LedgerRepository.h"
#include "manager/corrections/AdjustPointsDialog.h"
#include "manager/corrections/AdjustWalletDialog.h"
#include "manager/corrections/CardActionDialog.h"
#include "manager/corrections/MergeMembersDialog.h"
#include "manager/corrections/ReasonField.h"
#include "members/CardLifecycle.h"
#include "money/MoneyFormatter.h"
#include "profile/MemberProfileReader.h"
#include "profile/MemberSearch.h"
#include "sale/ActiveProgramme.h"
#include "settings/TillSettings.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QAbstractButton>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestCorrectionDialogs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void okStaysDisabledWithoutAReason();
    void pointsAdjustmentChangesTheBalance();
    void walletAdjustmentIsTypedInTheLocale();
    void belowZeroIsRefusedInTheDialogAndNothingIsWritten();
    void cashierIsRefusedInTheDialog();
    void blockedCardIsUnblocked();
    void cardIsReplacedByScan();
    void twoAccountsAreMergedAfterTheSecondStep();
    void scannedCardPicksTheOtherAccountWhichIsKept();

private:
    MemberProfile profile(qint64 memberId);
    Points points(qint64 memberId, const QString& account = QStringLiteral("points"));
    qint64 count(const QString& table) const;
    void type(QWidget* widget, const QString& text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::optional<TillSettings> m_settings;
    std::optional<Programme> m_programme;
    std::unique_ptr<Corrections> m_corrections;
    std::unique_ptr<StaffDirectory> m_staff;
    StaffSession m_manager;
};

void TestCorrectionDialogs::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestCorrectionDialogs::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(30).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_settings = *settings;
    m_programme = ActiveProgramme::load(*m_database, *m_settings);
    m_corrections = std::make_unique<Corrections>(*m_database, *m_clock, *m_settings);
    m_staff = std::make_unique<StaffDirectory>(*m_database, *m_clock);
    const auto manager = m_staff->createFirstManager(QStringLiteral("Maria Manager"), QStringLiteral("246810"));
    QVERIFY2(manager.ok(), qPrintable(manager.ok() ? QString() : manager.error().message));
    m_manager = *manager;
}

void TestCorrectionDialogs::cleanup()
{
    m_staff.reset();
    m_corrections.reset();
    m_programme.reset();
    m_settings.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

MemberProfile TestCorrectionDialogs::profile(qint64 memberId)
{
    MemberProfileReader reader(m_database->connection());
    auto read = reader.read(memberId, m_clock->now(), *m_programme);
    if (!read) {
        qWarning("%s", qPrintable(read.error().message));
        return {};
    }
    return std::move(read).value();
}

Points TestCorrectionDialogs::points(qint64 memberId, const QString& account)
{
    LedgerRepository ledger(m_database->connection());
    const auto balance = ledger.balance(memberId, account);
    return balance ? *balance : -1;
}

qint64 TestCorrectionDialogs::count(const QString& table) const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestCorrectionDialogs::type(QWidget* widget, const QString& text)
{
    widget->setFocus();
    QTest::keyClicks(widget, text);
}

void TestCorrectionDialogs::okStaysDisabledWithoutAReason()
{
    const Points before = points(7);
    const qint64 auditRows = count(QStringLiteral("audit_log"));  // the first manager's staff.added
    AdjustPointsDialog dialog(*m_corrections, m_manager, profile(7));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.amountField()->hasFocus());
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.balanceText().contains(QLocale().toString(before)));

    QTest::keyClicks(dialog.amountField(), QStringLiteral("250"));
    QVERIFY(dialog.afterText().contains(QLocale().toString(before + 250)));
    QVERIFY(!dialog.okButton()->isEnabled());  // an amount but no reason
    QTest::keyClick(dialog.amountField(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(points(7), before);

    type(dialog.reasonField()->textField(), QStringLiteral("   "));  // blanks are no reason
    QVERIFY(!dialog.okButton()->isEnabled());
    type(dialog.reasonField()->textField(), QStringLiteral("Receipt 4711"));
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.reasonField()->textField()->clear();
    QVERIFY(!dialog.okButton()->isEnabled());

    // A reason but no valid amount.
    auto* quick = dialog.findChild<QPushButton*>(QStringLiteral("quickReasonButton"));
    QVERIFY(quick);
    QTest::mouseClick(quick, Qt::LeftButton);
    QCOMPARE(dialog.reasonField()->reason(), quick->text());
    dialog.amountField()->clear();
    QTest::keyClicks(dialog.amountField(), QStringLiteral("abc"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QVERIFY(dialog.afterText().startsWith(QStringLiteral("✖")));
    QCOMPARE(count(QStringLiteral("audit_log")), auditRows);
}

void TestCorrectionDialogs::pointsAdjustmentChangesTheBalance()
{
    const Points before = points(8);
    const qint64 auditRows = count(QStringLiteral("audit_log"));
    AdjustPointsDialog dialog(*m_corrections, m_manager, profile(8));
    QSignalSpy adjusted(&dialog, &AdjustBalanceDialog::adjusted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // A typed minus chooses the direction; the field keeps the amount only.
    QTest::keyClicks(dialog.amountField(), QStringLiteral("-40"));
    QVERIFY(dialog.takeOffButton()->isChecked());
    QCOMPARE(dialog.amountField()->text(), QStringLiteral("40"));
    QCOMPARE(dialog.signedAmount(), std::optional<qint64>(-40));
    // Then the manager changes their mind with the + button: adding 300.
    QTest::mouseClick(dialog.addButton(), Qt::LeftButton);
    dialog.amountField()->selectAll();
    QTest::keyClicks(dialog.amountField(), QStringLiteral("300"));
    QVERIFY(dialog.afterText().contains(QLocale().toString(before + 300)));
    type(dialog.reasonField()->textField(), QStringLiteral("Points missing from receipt 4711"));
    QTest::keyClick(dialog.reasonField()->textField(), Qt::Key_Return);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(adjusted.count(), 1);
    QCOMPARE(adjusted.first().first().toLongLong(), 8);
    QCOMPARE(points(8), before + 300);
    QCOMPARE(profile(8).points, before + 300);
    QCOMPARE(count(QStringLiteral("audit_log")), auditRows + 1);
    QSqlQuery audit(m_database->connection());
    QVERIFY(audit.exec(QStringLiteral("SELECT action, reason, staff_name FROM audit_log ORDER BY seq DESC LIMIT 1")) &&
            audit.next());
    QCOMPARE(audit.value(0).toString(), QStringLiteral("points.adjusted"));
    QCOMPARE(audit.value(1).toString(), QStringLiteral("Points missing from receipt 4711"));
    QCOMPARE(audit.value(2).toString(), QStringLiteral("Maria Manager"));
}

void TestCorrectionDialogs::walletAdjustmentIsTypedInTheLocale()
{
    const qint64 before = points(9, QStringLiteral("wallet"));
    const MemberProfile member = profile(9);
    QCOMPARE(member.walletMinor, before);
    AdjustWalletDialog dialog(*m_corrections, m_manager, member);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // 12.50 (12,50 under German) typed the way the locale writes it.
    QTest::keyClicks(dialog.amountField(), MoneyFormatter().formatNumber(Money(1250, member.currency)));
    QCOMPARE(dialog.signedAmount(), std::optional<qint64>(1250));
    QVERIFY(dialog.afterText().contains(MoneyFormatter().formatNumber(Money(before + 1250, member.currency))));
    type(dialog.reasonField()->textField(), QStringLiteral("Cashback of receipt 4712"));
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(points(9, QStringLiteral("wallet")), before + 1250);

    // More decimals than the currency has are no amount.
    AdjustWalletDialog again(*m_corrections, m_manager, profile(9));
    again.show();
    QTest::keyClicks(again.amountField(), QStringLiteral("1") + QLocale().decimalPoint() + QStringLiteral("234"));
    QVERIFY(!again.signedAmount());

    // Under German the comma is the decimal point and the dot groups thousands.
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    AdjustWalletDialog german(*m_corrections, m_manager, profile(9));
    german.show();
    QTest::keyClicks(german.amountField(), QStringLiteral("-1.234,5"));
    const auto amount = german.signedAmount();
    QLocale::setDefault(previous);
    QCOMPARE(amount, std::optional<qint64>(-123450));
}

void TestCorrectionDialogs::belowZeroIsRefusedInTheDialogAndNothingIsWritten()
{
    const Points before = points(10);
    const qint64 ledgerRows = count(QStringLiteral("ledger_entries"));
    const qint64 events = count(QStringLiteral("outbox_events"));
    const qint64 auditRows = count(QStringLiteral("audit_log"));
    AdjustPointsDialog dialog(*m_corrections, m_manager, profile(10));
    QSignalSpy adjusted(&dialog, &AdjustBalanceDialog::adjusted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.amountField(), QStringLiteral("-") + QString::number(before + 100));
    QVERIFY(dialog.afterText().contains(QStringLiteral("⚠")));
    QVERIFY2(dialog.afterText().startsWith(QStringLiteral("−") + QLocale().toString(100)),
             qPrintable(dialog.afterText()));
    type(dialog.reasonField()->textField(), QStringLiteral("Too generous"));
    QVERIFY(dialog.okButton()->isEnabled());  // core decides, and says why
    QTest::keyClick(dialog.reasonField()->textField(), Qt::Key_Return);

    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY2(dialog.problemText().startsWith(QStringLiteral("✖ ")), qPrintable(dialog.problemText()));
    QCOMPARE(adjusted.count(), 0);
    QCOMPARE(points(10), before);
    QCOMPARE(count(QStringLiteral("ledger_entries")), ledgerRows);
    QCOMPARE(count(QStringLiteral("outbox_events")), events);
    QCOMPARE(count(QStringLiteral("audit_log")), auditRows);

    // Corrected in the same dialog, it goes through.
    dialog.amountField()->selectAll();
    QTest::keyClicks(dialog.amountField(), QString::number(std::min<Points>(before, 5)));
    if (before > 0) {
        QTest::keyClick(dialog.amountField(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(points(10), before - std::min<Points>(before, 5));
    }
}

void TestCorrectionDialogs::cashierIsRefusedInTheDialog()
{
    QVERIFY(m_staff->add(m_manager, QStringLiteral("Carl Cashier"), StaffRole::Cashier, QStringLiteral("135790")).ok());
    const auto cashier = m_staff->signIn(QStringLiteral("Carl Cashier"), QStringLiteral("135790"));
    QVERIFY(cashier.ok());
    // Even a session that claims to be a manager is checked against the database.
    StaffSession forged = *cashier;
    forged.role = StaffRole::Manager;
    const Points before = points(11);
    const qint64 auditRows = count(QStringLiteral("audit_log"));
    AdjustPointsDialog dialog(*m_corrections, forged, profile(11));
    dialog.show();
    QTest::keyClicks(dialog.amountField(), QStringLiteral("100"));
    type(dialog.reasonField()->textField(), QStringLiteral("Friend of mine"));
    QTest::keyClick(dialog.reasonField()->textField(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.problemText().isEmpty());
    QCOMPARE(points(11), before);
    QCOMPARE(count(QStringLiteral("audit_log")), auditRows);  // nothing new
}

void TestCorrectionDialogs::blockedCardIsUnblocked()
{
    const QString card = DemoDataGenerator::cardNumberFor(12);
    CardLifecycle cards(*m_database, *m_clock, *m_settings);
    QVERIFY(cards.block(card, QStringLiteral("lost")).ok());
    CardActionDialog dialog(*m_corrections, m_manager, profile(12), card, CardActionDialog::Action::Unblock);
    QSignalSpy changed(&dialog, &CardActionDialog::cardChanged);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.newCardField());
    QVERIFY(dialog.reasonField()->textField()->hasFocus());
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClick(dialog.reasonField()->textField(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QTest::keyClicks(dialog.reasonField()->textField(), QStringLiteral("Card found in the coat"));
    QTest::keyClick(dialog.reasonField()->textField(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
    const MemberProfile after = profile(12);
    const auto found =
        std::find_if(after.cards.begin(), after.cards.end(), [&card](const MemberCard& c) { return c.number == card; });
    QVERIFY(found != after.cards.end());
    QCOMPARE(int(found->state), int(CardState::Active));

    // An active card cannot be unblocked: core's refusal stays in the dialog.
    CardActionDialog again(*m_corrections, m_manager, after, card, CardActionDialog::Action::Unblock);
    again.show();
    QTest::keyClicks(again.reasonField()->textField(), QStringLiteral("Once more"));
    QTest::keyClick(again.reasonField()->textField(), Qt::Key_Return);
    QVERIFY(again.isVisible());
    QVERIFY(!again.problemText().isEmpty());
}

void TestCorrectionDialogs::cardIsReplacedByScan()
{
    const QString old = DemoDataGenerator::cardNumberFor(13);
    const QString fresh = DemoDataGenerator::cardNumberFor(900);
    CardActionDialog dialog(*m_corrections, m_manager, profile(13), old, CardActionDialog::Action::Replace);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.property("expectsScan").toBool());
    QVERIFY(dialog.newCardField()->hasFocus());
    QTest::keyClicks(dialog.reasonField()->textField(), QStringLiteral("Card lost"));
    QVERIFY(!dialog.okButton()->isEnabled());  // no new card yet

    // A card already in use is refused by core; the dialog keeps the old card.
    QVERIFY(QMetaObject::invokeMethod(&dialog, "acceptScan", Q_ARG(QString, DemoDataGenerator::cardNumberFor(14))));
    QVERIFY(dialog.okButton()->hasFocus());
    QTest::keyClick(dialog.okButton(), Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.problemText().isEmpty());

    dialog.acceptScan(fresh);
    QCOMPARE(dialog.newCardField()->text(), fresh);
    QVERIFY(dialog.problemText().isEmpty());
    QTest::keyClick(dialog.okButton(), Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.resultCardNumber(), fresh);
    const MemberProfile after = profile(13);
    bool oldReplaced = false;
    bool freshActive = false;
    for (const MemberCard& card : after.cards) {
        oldReplaced |= card.number == old && card.state == CardState::Replaced;
        freshActive |= card.number == fresh && card.state == CardState::Active;
    }
    QVERIFY(oldReplaced);
    QVERIFY(freshActive);
}

void TestCorrectionDialogs::twoAccountsAreMergedAfterTheSecondStep()
{
    const Points keptBefore = points(15);
    const Points closedBefore = points(16);
    MemberSearch search(m_database->connection());
    MemberProfileReader profiles(m_database->connection());
    MergeMembersDialog dialog(*m_corrections, search, profiles, *m_programme, *m_clock, m_manager, profile(15));
    QSignalSpy merged(&dialog, &MergeMembersDialog::merged);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.searchField()->hasFocus());
    QVERIFY(!dialog.reviewButton()->isEnabled());

    // Searching the member's own card finds nobody to merge with.
    QTest::keyClicks(dialog.searchField(), DemoDataGenerator::cardNumberFor(15));
    QTest::keyClick(dialog.searchField(), Qt::Key_Return);
    QCOMPARE(dialog.resultList()->count(), 0);

    dialog.searchField()->clear();
    QTest::keyClicks(dialog.searchField(), DemoDataGenerator::cardNumberFor(16));
    QTest::keyClick(dialog.searchField(), Qt::Key_Return);
    QCOMPARE(dialog.resultList()->count(), 1);
    QTest::keyClick(dialog.searchField(), Qt::Key_Down);
    QVERIFY(dialog.resultList()->hasFocus());
    QCOMPARE(dialog.otherMemberId(), std::optional<qint64>(16));
    QVERIFY(!dialog.reviewButton()->isEnabled());  // no reason yet
    QVERIFY(dialog.keepCurrentButton()->isChecked());
    type(dialog.reasonField()->textField(), QStringLiteral("Enrolled twice"));
    QVERIFY(dialog.reviewButton()->isEnabled());

    // Enter reviews: the first step never merges.
    QTest::keyClick(dialog.reasonField()->textField(), Qt::Key_Return);
    QVERIFY(dialog.isConfirming());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.confirmationText().contains(DemoDataGenerator::cardNumberFor(16)));
    QCOMPARE(points(16), closedBefore);
    QCOMPARE(merged.count(), 0);
    // Enter on the confirmation step does not merge either: "Merge now" is pressed deliberately.
    QTest::keyClick(dialog.mergeButton(), Qt::Key_Return);
    QCOMPARE(merged.count(), 0);
    QTest::keyClick(dialog.mergeButton(), Qt::Key_Space);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(merged.count(), 1);
    QCOMPARE(merged.first().at(0).toLongLong(), 15);
    QCOMPARE(merged.first().at(1).toLongLong(), 16);
    QCOMPARE(points(15), keptBefore + closedBefore);
    QCOMPARE(points(16), 0);
    const MemberProfile closed = profile(16);
    QCOMPARE(closed.mergedInto, std::optional<qint64>(15));
}

void TestCorrectionDialogs::scannedCardPicksTheOtherAccountWhichIsKept()
{
    const Points currentBefore = points(17);
    const Points otherBefore = points(18);
    MemberSearch search(m_database->connection());
    MemberProfileReader profiles(m_database->connection());
    MergeMembersDialog dialog(*m_corrections, search, profiles, *m_programme, *m_clock, m_manager, profile(17));
    QSignalSpy merged(&dialog, &MergeMembersDialog::merged);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.property("expectsScan").toBool());
    QVERIFY(QMetaObject::invokeMethod(&dialog, "acceptScan", Q_ARG(QString, DemoDataGenerator::cardNumberFor(18))));
    QCOMPARE(dialog.otherMemberId(), std::optional<qint64>(18));
    QVERIFY(dialog.reasonField()->textField()->hasFocus());
    QTest::keyClicks(dialog.reasonField()->textField(), QStringLiteral("Old card's account found"));
    QTest::mouseClick(dialog.keepOtherButton(), Qt::LeftButton);
    QVERIFY(dialog.keepOtherButton()->isChecked());
    QTest::mouseClick(dialog.reviewButton(), Qt::LeftButton);
    QVERIFY(dialog.isConfirming());
    // A scan on the confirmation step changes nothing behind it.
    dialog.acceptScan(DemoDataGenerator::cardNumberFor(19));
    QCOMPARE(dialog.otherMemberId(), std::optional<qint64>(18));
    QTest::mouseClick(dialog.mergeButton(), Qt::LeftButton);
    QCOMPARE(merged.count(), 1);
    QCOMPARE(merged.first().at(0).toLongLong(), 18);  // the other account is kept
    QCOMPARE(merged.first().at(1).toLongLong(), 17);
    QCOMPARE(points(18), currentBefore + otherBefore);
    QCOMPARE(profile(17).mergedInto, std::optional<qint64>(18));
}

QTEST_MAIN(TestCorrectionDialogs)
#include "TestCorrectionDialogs.moc"
