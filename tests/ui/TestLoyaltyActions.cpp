// Drives the real sale window under the demo programme with key events as a cashier and a scanner
// type them: the effects list, the coupon, points, reward and wallet keys, and that what the
// screen showed is what the committed sale booked.
#include "demo/DemoDataGenerator.h"
#include "i18n/TranslationLoader.h"
#include "ledger/LedgerRepository.h"
#include "loyalty/CouponDialog.h"
#include "loyalty/RedeemPointsDialog.h"
#include "loyalty/RewardPickerDialog.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "money/MoneyFormatter.h"
#include "program/format/ProgrammeStore.h"
#include "sale/EffectsModel.h"
#include "sale/EffectsPanel.h"
#include "sale/MemberPanel.h"
#include "sale/MessageStrip.h"
#include "sale/SaleSession.h"
#include "sale/SaleWindow.h"
#include "sale/TotalsBar.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace loyalty;

class TestLoyaltyActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void effectsListFollowsTheBasketWithReasons();
    void memberPanelShowsTheStanding();
    void couponAndRedeemedPointsAreBookedAsShown();
    void refusedCouponShowsItsNotice();
    void scannedCouponGoesIntoTheCouponDialog();
    void rewardPickerExplainsWhatCannotBeTaken();
    void f5TakesTheRequestsOffAgain();
    void loyaltyKeysNeedAMember();
    void effectsModelPassesTheModelTester();

private:
    void scan(const QString& code);
    void press(Qt::Key key);
    // Fills the basket until it is worth at least `minor` (quantities raised with +).
    void fillBasket(qint64 minor);
    // A demo member with at least `points` points.
    qint64 memberWithPoints(Points points);
    void wedgeType(QWidget* target, const QString& text, int gapMs);
    bool anyReasonContains(const QString& text) const;

    qint64 m_keyTime = 5'000'000;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<Enrolment> m_enrolment;
    std::unique_ptr<CardLifecycle> m_cards;
    std::unique_ptr<SaleWindow> m_window;
};

void TestLoyaltyActions::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestLoyaltyActions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // A Sunday morning in November 2026: the welcome coupon is valid, the bakery happy hour is not.
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
    DemoDataGenerator generator(*m_database, *m_clock);
    QVERIFY(generator.generate(300).ok());
    // The demo data may already bring the demo programme; a till without one gets it here.
    ProgrammeStore programmes(m_database->connection());
    const auto stored = programmes.storedVersion();
    QVERIFY(stored.ok());
    if (*stored == 0) {
        const auto activated = programmes.activate(ProgrammeStore::builtInDocument(), m_clock->nowIso());
        QVERIFY2(activated.ok(), qPrintable(activated.ok() ? QString() : activated.error().message));
    }
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_session = std::make_unique<SaleSession>(*m_database, *m_clock, *settings);
    QCOMPARE(m_session->engine().programme().id, QStringLiteral("demo"));
    m_enrolment = std::make_unique<Enrolment>(*m_database, *m_clock, *settings);
    m_cards = std::make_unique<CardLifecycle>(*m_database, *m_clock, *settings);
    m_window = std::make_unique<SaleWindow>(*m_session, *m_enrolment, *m_cards);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
}

void TestLoyaltyActions::cleanup()
{
    m_window.reset();
    m_cards.reset();
    m_enrolment.reset();
    m_session.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestLoyaltyActions::scan(const QString& code)
{
    QTest::keyClicks(m_window->scanField(), code, Qt::NoModifier, 5);
    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
}

void TestLoyaltyActions::press(Qt::Key key)
{
    QTest::keyClick(m_window->scanField(), key);
}

void TestLoyaltyActions::fillBasket(qint64 minor)
{
    // Bakery, fresh produce, dairy, coffee, drinks, household: all discountable and earning.
    for (int index : {0, 1, 2, 3, 4, 5})
        scan(DemoDataGenerator::productEanFor(index));
    for (int i = 0; i < 40 && m_session->basket().total().minorUnits() < minor; ++i)
        press(Qt::Key_Plus);
    QVERIFY(m_session->basket().total().minorUnits() >= minor);
}

qint64 TestLoyaltyActions::memberWithPoints(Points points)
{
    LedgerRepository ledger(m_database->connection());
    for (qint64 id = 1; id <= 300; ++id) {
        const auto balance = ledger.balance(id);
        if (balance && *balance >= points && id % 10 != 0)  // every tenth member also has a blocked card
            return id;
    }
    return 0;
}

void TestLoyaltyActions::wedgeType(QWidget* target, const QString& text, int gapMs)
{
    const auto send = [target](QEvent::Type type, int key, const QString& character, qint64 at) {
        QKeyEvent event(type, key, Qt::NoModifier, character);
        event.setTimestamp(quint64(at));
        QApplication::sendEvent(target, &event);
    };
    for (const QChar c : QString(text + QLatin1Char('\r'))) {
        m_keyTime += gapMs;
        const int key = c == u'\r' ? int(Qt::Key_Return) : int(c.toUpper().unicode());
        send(QEvent::KeyPress, key, QString(c), m_keyTime);
        send(QEvent::KeyRelease, key, QString(c), m_keyTime + 1);
    }
    m_keyTime += 1000;
    QCoreApplication::processEvents();
}

bool TestLoyaltyActions::anyReasonContains(const QString& text) const
{
    const QStringList reasons = m_window->effectsPanel()->reasons();
    return std::any_of(reasons.cbegin(), reasons.cend(), [&](const QString& r) { return r.contains(text); });
}

void TestLoyaltyActions::effectsListFollowsTheBasketWithReasons()
{
    const qint64 memberId = memberWithPoints(0);
    QVERIFY(memberId > 0);
    scan(DemoDataGenerator::cardNumberFor(memberId));
    QCOMPARE(m_window->effectsPanel()->model()->rowCount(), 0);

    scan(DemoDataGenerator::productEanFor(1));  // fresh produce: double points
    const Evaluation& effects = m_session->effects();
    QVERIFY(effects.pointsEarned() > 0);
    QStringList expected;
    for (const Effect& effect : effects.effects)
        expected << effect.explanation;
    QCOMPARE(m_window->effectsPanel()->reasons(), expected);
    QVERIFY2(anyReasonContains(QStringLiteral("2×")), qPrintable(expected.join(u'|')));
    // Points rows say so in words, not only in their colour.
    auto* model = m_window->effectsPanel()->model();
    QCOMPARE(model->kindText(0), QStringLiteral("★ Points"));
    QCOMPARE(model->rowStyle(0), EffectsModel::RowStyle::PointsChange);

    // Removing the line takes its effects off at once.
    press(Qt::Key_Delete);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(m_window->memberPanel()->earnText(), QStringLiteral("+0 points"));
}

void TestLoyaltyActions::memberPanelShowsTheStanding()
{
    const qint64 memberId = memberWithPoints(100);
    QVERIFY(memberId > 0);
    scan(DemoDataGenerator::cardNumberFor(memberId));
    const MemberStanding standing = *m_session->standing();
    MemberPanel* panel = m_window->memberPanel();
    QVERIFY2(panel->balanceText().contains(QLocale().toString(standing.points)), qPrintable(panel->balanceText()));
    QVERIFY2(panel->walletText().contains(MoneyFormatter().format(Money(standing.walletMinor, QStringLiteral("EUR")))),
             qPrintable(panel->walletText()));
    const QStringList stamps = panel->stampCardTexts();
    QCOMPARE(stamps.size(), 2);
    QCOMPARE(stamps.at(0),
             QStringLiteral("Coffee card: %1 of 10").arg(standing.stamps.value(QStringLiteral("coffee"))));
    QVERIFY(stamps.at(1).startsWith(QStringLiteral("Bakery card: ")));
    QVERIFY(stamps.at(1).contains(QStringLiteral(" of 8")));
    // The demo programme has Bronze, Silver and Gold: the panel names the tier and the way up.
    QVERIFY2(panel->tierProgressText().contains(QStringLiteral(" to ")) ||
                 panel->tierProgressText().contains(QStringLiteral("Highest")),
             qPrintable(panel->tierProgressText()));
    QVERIFY(!panel->tierText().isEmpty());
    if (standing.expiringPoints > 0)
        QVERIFY(panel->expiringText().contains(QLocale().toString(standing.expiringPoints)));
    else
        QVERIFY(panel->expiringText().isEmpty());
}

void TestLoyaltyActions::couponAndRedeemedPointsAreBookedAsShown()
{
    const qint64 memberId = memberWithPoints(1000);
    QVERIFY(memberId > 0);
    scan(DemoDataGenerator::cardNumberFor(memberId));
    const Points balanceBefore = *m_session->memberBalance();
    fillBasket(3000);
    QVERIFY(m_window->totalsBar()->discountText().isEmpty());

    // F6, type the code, Enter.
    bool couponSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<CouponDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        couponSeen = true;
        QTest::keyClicks(dialog->codeField(), QStringLiteral("welcome10"));
        QTest::keyClick(dialog->codeField(), Qt::Key_Return);
    });
    press(Qt::Key_F6);
    QVERIFY(couponSeen);
    QCOMPARE(m_session->options().couponCodes, QStringList{QStringLiteral("WELCOME10")});
    QVERIFY2(anyReasonContains(QStringLiteral("coupon")), qPrintable(m_window->effectsPanel()->reasons().join(u'|')));
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Success);
    const MoneyFormatter money;
    QVERIFY(!m_session->effects().discount.isZero());
    QCOMPARE(m_window->totalsBar()->discountText(),
             QStringLiteral("Savings −%1").arg(money.format(m_session->effects().discount)));
    QCOMPARE(m_window->totalsBar()->totalText(), money.format(m_session->effects().payable));

    // F4: the dialog offers what this basket allows; type 500 and Enter.
    bool redeemSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<RedeemPointsDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        redeemSeen = true;
        QSpinBox* field = dialog->pointsField();
        QVERIFY(field->maximum() >= 500);
        QVERIFY(field->maximum() <= balanceBefore);
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("500"));
        QTest::keyClick(field, Qt::Key_Return);
    });
    press(Qt::Key_F4);
    QVERIFY(redeemSeen);
    QCOMPARE(m_session->options().redeemPoints, 500);
    QCOMPARE(m_session->effects().pointsRedeemed(), 500);
    QVERIFY2(anyReasonContains(QStringLiteral("500 point")),
             qPrintable(m_window->effectsPanel()->reasons().join(u'|')));
    QTRY_VERIFY(m_window->scanField()->hasFocus());

    // What the cashier saw just before F12.
    const QList<Effect> shown = m_session->effects().effects;
    const QString shownToPay = m_window->totalsBar()->totalText();
    QCOMPARE(m_window->effectsPanel()->reasons().mid(0, shown.size()).size(), shown.size());
    const Points earned = m_session->effects().pointsEarned();

    press(Qt::Key_F12);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Success);
    QVERIFY2(m_window->messageStrip()->text().contains(shownToPay), qPrintable(m_window->messageStrip()->text()));
    const auto& completed = m_session->lastCompleted();
    QVERIFY(completed.has_value());
    QCOMPARE(money.format(completed->effects.payable), shownToPay);

    // The ledger holds exactly the shown effects that book to an account, with the shown reasons.
    LedgerRepository ledger(m_database->connection());
    const auto entries = ledger.entriesForSale(completed->saleId);
    QVERIFY(entries.ok());
    QStringList booked;
    for (const LedgerEntry& entry : *entries)
        booked
            << QStringLiteral("%1|%2|%3|%4").arg(entry.account, entry.reason).arg(entry.points).arg(entry.explanation);
    QStringList expected;
    for (const Effect& effect : shown) {
        if (effect.kind == EffectKind::Discount || effect.amount == 0)
            continue;
        const bool taken = effect.kind == EffectKind::PointsRedeemed || effect.kind == EffectKind::WalletSpent ||
                           effect.kind == EffectKind::CreditSpent || effect.kind == EffectKind::StampsRedeemed;
        expected << QStringLiteral("%1|%2|%3|%4")
                        .arg(effect.account, effect.ruleId)
                        .arg(taken ? -effect.amount : effect.amount)
                        .arg(effect.explanation);
    }
    booked.sort();
    expected.sort();
    QCOMPARE(booked, expected);
    const auto balance = ledger.balance(memberId);
    QVERIFY(balance.ok());
    QCOMPARE(*balance, balanceBefore + earned - 500);
    QVERIFY(m_window->memberPanel()->balanceText().contains(QLocale().toString(*balance)));
}

void TestLoyaltyActions::refusedCouponShowsItsNotice()
{
    scan(DemoDataGenerator::productEanFor(0));
    const QString totalBefore = m_window->totalsBar()->totalText();
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<CouponDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->codeField(), QStringLiteral("NOSUCH1"));
        QTest::keyClick(dialog->codeField(), Qt::Key_Return);
    });
    press(Qt::Key_F6);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY2(m_window->messageStrip()->text().contains(QStringLiteral("NOSUCH1")),
             qPrintable(m_window->messageStrip()->text()));
    const QStringList notices = m_window->effectsPanel()->notices();
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.first().contains(QStringLiteral("not known")));
    // The notice is a row of its own, marked in words.
    auto* model = m_window->effectsPanel()->model();
    const int row = model->rowCount() - 1;
    QCOMPARE(model->rowStyle(row), EffectsModel::RowStyle::Notice);
    QCOMPARE(model->kindText(row), QStringLiteral("⚠ Notice"));
    QCOMPARE(model->reasonText(row), notices.first());
    QCOMPARE(m_window->totalsBar()->totalText(), totalBefore);
    QVERIFY(m_window->totalsBar()->discountText().isEmpty());
    QTRY_VERIFY(m_window->scanField()->hasFocus());
}

void TestLoyaltyActions::scannedCouponGoesIntoTheCouponDialog()
{
    scan(DemoDataGenerator::cardNumberFor(memberWithPoints(0)));
    fillBasket(1500);
    bool checked = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<CouponDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        // The scanner fires while the dialog is open: the code lands in the dialog and confirms it.
        wedgeType(dialog->codeField(), QStringLiteral("WELCOME10"), 6);
        QTRY_VERIFY(!dialog->isVisible());
        checked = true;
    });
    press(Qt::Key_F6);
    QTRY_VERIFY(checked);
    QCOMPARE(m_session->options().couponCodes, QStringList{QStringLiteral("WELCOME10")});
    QVERIFY(!m_session->effects().discount.isZero());
    QVERIFY(m_window->scanField()->text().isEmpty());
}

void TestLoyaltyActions::rewardPickerExplainsWhatCannotBeTaken()
{
    const qint64 memberId = memberWithPoints(400);
    QVERIFY(memberId > 0);
    scan(DemoDataGenerator::cardNumberFor(memberId));
    scan(DemoDataGenerator::productEanFor(0));  // no coffee in the basket yet
    bool checked = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<RewardPickerDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QListWidget* list = dialog->list();
        QCOMPARE(list->count(), 2);
        // The free coffee needs the coffee in the basket; the croissant add-on can be taken.
        QVERIFY(!(list->item(0)->flags() & Qt::ItemIsEnabled));
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("scan the product first")),
                 qPrintable(list->item(0)->text()));
        QVERIFY(list->item(1)->flags() & Qt::ItemIsEnabled);
        QCOMPARE(list->currentRow(), 1);
        checked = true;
        QTest::keyClick(list, Qt::Key_Return);
    });
    press(Qt::Key_F3);
    QVERIFY(checked);
    QCOMPARE(m_session->options().rewardIds, QStringList{QStringLiteral("reward.croissant")});
    QCOMPARE(m_session->effects().pointsRedeemed(), 150);
    QVERIFY(anyReasonContains(QStringLiteral("croissant")));
    QCOMPARE(RewardPickerDialog::refusal(m_session->engine().programme().rewards.first(), 100, {}),
             QCoreApplication::translate("loyalty::RewardPickerDialog", "needs %Ln point(s); the member has %1",
                                         nullptr, 300)
                 .arg(100));
}

void TestLoyaltyActions::f5TakesTheRequestsOffAgain()
{
    scan(DemoDataGenerator::cardNumberFor(memberWithPoints(1000)));
    fillBasket(3000);
    const QString totalBefore = m_window->totalsBar()->totalText();
    m_session->addCoupon(QStringLiteral("WELCOME10"));
    m_session->setRedeemPoints(500);
    press(Qt::Key_Down);  // any key refreshes nothing by itself; F5 must
    press(Qt::Key_F5);
    QVERIFY(m_session->options().isEmpty());
    QCOMPARE(m_window->totalsBar()->totalText(), totalBefore);
    QVERIFY(!anyReasonContains(QStringLiteral("redeemed")));
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Info);
    press(Qt::Key_Escape);  // Esc still clears the input and the strip
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::None);
}

void TestLoyaltyActions::loyaltyKeysNeedAMember()
{
    scan(DemoDataGenerator::productEanFor(0));
    for (Qt::Key key : {Qt::Key_F4, Qt::Key_F3, Qt::Key_F2}) {
        m_window->messageStrip()->clear();
        press(key);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Warning);
        QVERIFY(m_window->messageStrip()->text().contains(QStringLiteral("card first")));
    }
}

void TestLoyaltyActions::effectsModelPassesTheModelTester()
{
    EffectsModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    scan(DemoDataGenerator::cardNumberFor(memberWithPoints(0)));
    scan(DemoDataGenerator::productEanFor(1));
    m_session->addCoupon(QStringLiteral("NOSUCH2"));
    model.refresh();
    QVERIFY(model.rowCount() >= 2);
    QCOMPARE(model.rowStyle(model.rowCount() - 1), EffectsModel::RowStyle::Notice);
}

QTEST_MAIN(TestLoyaltyActions)
#include "TestLoyaltyActions.moc"
