// The customer display follows a real sale driven through the real sale window with key events,
// as a wedge scanner types them into whatever has the keyboard: the till's scan field must keep it.
#include "customer/CustomerDisplay.h"
#include "demo/DemoDataGenerator.h"
#include "i18n/TranslationLoader.h"
#include "members/CardLifecycle.h"
#include "members/Enrolment.h"
#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"
#include "sale/SaleWindow.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "style/TillStyle.h"
#include "time/FixedClock.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using namespace std::chrono_literals;

class TestCustomerDisplay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void followsAMemberSaleFromFirstScanToTheWelcome();
    void saleWithoutMemberInvitesToJoin();
    void nextScanEndsTheThankYou();
    void voidedSaleGoesBackToTheWelcome();
    void neverTakesTheKeyboard();
    void followsTheHighContrastThemeAndFontScale();
    void everyTextHasAnAccessibleName();

private:
    // Types into the widget that has the keyboard, at scanner pace: a scan reaches the sale only
    // while the till's scan field keeps the focus.
    void scan(const QString& code);
    void press(Qt::Key key);
    // Every text the display shows or tells assistive technology.
    QStringList allTexts() const;
    void verifyNothingPrivateIsShown(qint64 memberId, const QString& cardNumber) const;
    qint64 balanceOf(qint64 memberId) const;
    // Run by hand with LOYALTY_CUSTOMER_DISPLAY_SHOTS=DIR to look at the display: saves DIR/NAME.png.
    void saveShot(const QString& name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<Enrolment> m_enrolment;
    std::unique_ptr<CardLifecycle> m_cards;
    std::unique_ptr<SaleWindow> m_window;
    std::unique_ptr<CustomerDisplay> m_display;
};

void TestCustomerDisplay::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
    TillStyle::apply(*qApp);
}

void TestCustomerDisplay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(300).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_session = std::make_unique<SaleSession>(*m_database, *m_clock, *settings);
    m_enrolment = std::make_unique<Enrolment>(*m_database, *m_clock, *settings);
    m_cards = std::make_unique<CardLifecycle>(*m_database, *m_clock, *settings);
    m_window = std::make_unique<SaleWindow>(*m_session, *m_enrolment, *m_cards);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->scanField()->setFocus();

    m_display = std::make_unique<CustomerDisplay>(*m_session);
    m_display->resize(CustomerDisplay::kDesignSize);  // the size its type sizes are made for
    m_display->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_display.get()));
}

void TestCustomerDisplay::cleanup()
{
    m_display.reset();
    m_window.reset();
    m_cards.reset();
    m_enrolment.reset();
    m_session.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestCustomerDisplay::scan(const QString& code)
{
    QTRY_COMPARE(QApplication::focusWidget(), m_window->scanField());
    QWidget* target = QApplication::focusWidget();
    QTest::keyClicks(target, code, Qt::NoModifier, 5);
    QTest::keyClick(target, Qt::Key_Return);
}

void TestCustomerDisplay::press(Qt::Key key)
{
    QTRY_COMPARE(QApplication::focusWidget(), m_window->scanField());
    QWidget* target = QApplication::focusWidget();
    QTest::keyClick(target, key);
}

QStringList TestCustomerDisplay::allTexts() const
{
    QStringList texts{m_display->windowTitle(), m_display->accessibleName(), m_display->accessibleDescription()};
    QList<QWidget*> widgets = m_display->findChildren<QWidget*>();
    for (const QWidget* widget : std::as_const(widgets)) {
        texts << widget->accessibleName() << widget->accessibleDescription() << widget->toolTip();
        if (const auto* label = qobject_cast<const QLabel*>(widget))
            texts << label->text();
        if (const auto* table = qobject_cast<const QTableWidget*>(widget)) {
            for (int row = 0; row < table->rowCount(); ++row) {
                for (int column = 0; column < table->columnCount(); ++column)
                    texts << (table->item(row, column) ? table->item(row, column)->text() : QString());
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

void TestCustomerDisplay::verifyNothingPrivateIsShown(qint64 memberId, const QString& cardNumber) const
{
    QSqlQuery member(m_database->connection());
    member.prepare(QStringLiteral("SELECT name, email, phone, birth_date FROM members WHERE id = ?"));
    member.addBindValue(memberId);
    QVERIFY(member.exec() && member.next());
    const QStringList nameParts = member.value(0).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList secrets{cardNumber, cardNumber.right(8), member.value(1).toString(), member.value(2).toString()};
    if (nameParts.size() > 1)
        secrets << nameParts.last();  // the first name only: never the family name
    const QDate birthday = QDate::fromString(member.value(3).toString(), Qt::ISODate);
    if (birthday.isValid()) {
        secrets << QLocale().toString(birthday, QLocale::ShortFormat) << birthday.toString(Qt::ISODate)
                << QLocale().toString(birthday, QStringLiteral("dd.MM."));
    }
    secrets.removeAll(QString());
    const QStringList texts = allTexts();
    QVERIFY(!texts.isEmpty());
    for (const QString& text : texts) {
        for (const QString& secret : std::as_const(secrets))
            QVERIFY2(!text.contains(secret), qPrintable(QStringLiteral("%1 shows %2").arg(text, secret)));
    }
}

qint64 TestCustomerDisplay::balanceOf(qint64 memberId) const
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral(
        "SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE member_id = ? AND account = 'points'"));
    query.addBindValue(memberId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestCustomerDisplay::saveShot(const QString& name) const
{
    const QString dir = qEnvironmentVariable("LOYALTY_CUSTOMER_DISPLAY_SHOTS");
    if (dir.isEmpty())
        return;
    QCoreApplication::sendPostedEvents();  // the layout requests of the last change, as a paint would see them
    QVERIFY(m_display->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TestCustomerDisplay::followsAMemberSaleFromFirstScanToTheWelcome()
{
    const qint64 memberId = 42;
    const QString card = DemoDataGenerator::cardNumberFor(memberId);
    const MoneyFormatter money;
    QCOMPARE(m_display->view(), CustomerDisplay::View::Idle);
    QVERIFY(m_display->welcomeText().contains(m_session->settings().tillName));

    scan(DemoDataGenerator::productEanFor(0));
    QCOMPARE(m_display->view(), CustomerDisplay::View::Sale);
    QCOMPARE(m_display->lineTexts().size(), 1);
    const BasketLine first = m_session->basket().lines().at(0);
    QCOMPARE(m_display->lineTexts().at(0),
             QStringLiteral("%1 · 1 × · %2").arg(first.product.name, money.format(first.total())));
    QCOMPARE(m_display->totalText(), money.format(m_session->basket().total()));
    QCOMPARE(m_display->greetingText(), QString());

    const qint64 balanceBefore = balanceOf(memberId);
    QVERIFY(balanceBefore > 0);
    scan(card);
    QVERIFY(m_session->member().has_value());
    const QString firstName = m_session->member()->member.name.section(QLatin1Char(' '), 0, 0);
    QCOMPARE(m_display->greetingText(), QStringLiteral("Hello, %1!").arg(firstName));
    QCOMPARE(m_display->balanceText(), CustomerDisplay::tr("%Ln point(s)", nullptr, int(balanceBefore)));
    const qint64 earning = m_session->effects().pointsEarned();
    QVERIFY2(m_display->thisSaleText().contains(QStringLiteral("+") +
                                                CustomerDisplay::tr("%Ln point(s)", nullptr, int(earning))),
             qPrintable(m_display->thisSaleText()));
    // The demo programme has tiers: the way to the next one is on the points line.
    QVERIFY2(m_display->thisSaleText().contains(QStringLiteral(" · ")), qPrintable(m_display->thisSaleText()));
    verifyNothingPrivateIsShown(memberId, card);

    scan(DemoDataGenerator::productEanFor(2));
    QCOMPARE(m_display->lineTexts().size(), 2);
    QCOMPARE(m_display->highlightedRow(), 1);
    // The same product again raises its quantity: that line is the one shown as changed.
    scan(DemoDataGenerator::productEanFor(0));
    QCOMPARE(m_display->lineTexts().size(), 2);
    QVERIFY2(m_display->lineTexts().at(0).contains(QStringLiteral(" · 2 × · ")),
             qPrintable(m_display->lineTexts().at(0)));
    QCOMPARE(m_display->highlightedRow(), 0);
    press(Qt::Key_Plus);  // the sale window's selected line: the last scanned
    QCOMPARE(m_session->basket().lines().at(0).quantity + m_session->basket().lines().at(1).quantity, 4);
    QCOMPARE(m_display->savingsText(), QString());
    // Butter has a members' price in the demo programme: the customer sees what it saves and why.
    scan(QStringLiteral("4006381000222"));
    QCOMPARE(m_display->lineTexts().size(), 3);
    QVERIFY(!m_session->effects().discount.isZero());
    auto* reasons = m_display->findChild<QLabel*>(QStringLiteral("customerSavingsReasonsLabel"));
    QVERIFY(reasons && reasons->isVisible());
    QVERIFY2(reasons->text().contains(QStringLiteral("member price")), qPrintable(reasons->text()));
    const Evaluation& effects = m_session->effects();
    const Money expectedTotal = effects.discount.isZero() ? m_session->basket().total() : effects.payable;
    QCOMPARE(m_display->totalText(), money.format(expectedTotal));
    QCOMPARE(m_display->savingsText(), money.format(effects.discount));
    // What the sale earns follows the basket.
    const qint64 earningNow = effects.pointsEarned();
    QVERIFY(earningNow > earning);
    QVERIFY2(m_display->thisSaleText().contains(QStringLiteral("+") +
                                                CustomerDisplay::tr("%Ln point(s)", nullptr, int(earningNow))),
             qPrintable(m_display->thisSaleText()));
    verifyNothingPrivateIsShown(memberId, card);
    saveShot(QStringLiteral("customer-display-sale"));

    m_display->setThankYouDuration(100ms);
    press(Qt::Key_F12);
    QCOMPARE(m_session->basket().lineCount(), 0);
    QCOMPARE(m_display->view(), CustomerDisplay::View::ThankYou);
    auto* paid = m_display->findChild<QLabel*>(QStringLiteral("customerThanksPaidLabel"));
    QVERIFY2(paid->text().contains(QStringLiteral("you saved")), qPrintable(paid->text()));
    QSqlQuery sale(m_database->connection());
    QVERIFY(sale.exec(QStringLiteral("SELECT points_earned FROM sales WHERE member_id = 42")) && sale.next());
    const qint64 earned = sale.value(0).toLongLong();
    const qint64 balanceAfter = balanceOf(memberId);
    QCOMPARE(balanceAfter, balanceBefore + earned);
    QCOMPARE(m_display->thankYouText(), QStringLiteral("Thank you, %1!").arg(firstName));
    QVERIFY2(m_display->thankYouPointsText().contains(CustomerDisplay::tr("%Ln point(s)", nullptr, int(earned))),
             qPrintable(m_display->thankYouPointsText()));
    QCOMPARE(m_display->thankYouBalanceText(),
             QStringLiteral("New balance: %1").arg(CustomerDisplay::tr("%Ln point(s)", nullptr, int(balanceAfter))));
    verifyNothingPrivateIsShown(memberId, card);
    saveShot(QStringLiteral("customer-display-thanks"));

    QTRY_COMPARE(m_display->view(), CustomerDisplay::View::Idle);
    verifyNothingPrivateIsShown(memberId, card);
    saveShot(QStringLiteral("customer-display-idle"));
}

void TestCustomerDisplay::saleWithoutMemberInvitesToJoin()
{
    scan(DemoDataGenerator::productEanFor(1));
    QCOMPARE(m_display->view(), CustomerDisplay::View::Sale);
    QCOMPARE(m_display->balanceText(), QString());
    auto* joinHint = m_display->findChild<QLabel*>(QStringLiteral("customerJoinHintLabel"));
    QVERIFY(joinHint && joinHint->isVisible() && !joinHint->text().isEmpty());
    const QString total = m_display->totalText();
    press(Qt::Key_F12);
    QCOMPARE(m_display->view(), CustomerDisplay::View::ThankYou);
    QCOMPARE(m_display->thankYouText(), QStringLiteral("Thank you for your purchase!"));
    QCOMPARE(m_display->thankYouBalanceText(), QString());
    auto* paid = m_display->findChild<QLabel*>(QStringLiteral("customerThanksPaidLabel"));
    QVERIFY(paid && paid->text().contains(total));
}

void TestCustomerDisplay::nextScanEndsTheThankYou()
{
    scan(DemoDataGenerator::cardNumberFor(7));
    scan(DemoDataGenerator::productEanFor(0));
    press(Qt::Key_F12);
    QCOMPARE(m_display->view(), CustomerDisplay::View::ThankYou);
    // The thank-you would stay for seconds; the next customer's first scan replaces it at once.
    scan(DemoDataGenerator::productEanFor(3));
    QCOMPARE(m_display->view(), CustomerDisplay::View::Sale);
    QCOMPARE(m_display->lineTexts().size(), 1);
    QCOMPARE(m_display->greetingText(), QString());
}

void TestCustomerDisplay::voidedSaleGoesBackToTheWelcome()
{
    scan(DemoDataGenerator::cardNumberFor(5));
    scan(DemoDataGenerator::productEanFor(0));
    QCOMPARE(m_display->view(), CustomerDisplay::View::Sale);
    press(Qt::Key_F8);
    press(Qt::Key_F8);
    QCOMPARE(m_session->basket().lineCount(), 0);
    QCOMPARE(m_display->view(), CustomerDisplay::View::Idle);
}

void TestCustomerDisplay::neverTakesTheKeyboard()
{
    QVERIFY(m_display->windowFlags().testFlag(Qt::WindowDoesNotAcceptFocus));
    QVERIFY(m_display->testAttribute(Qt::WA_ShowWithoutActivating));
    // Shown again (as after a screen change) and through a whole sale: the till keeps the keyboard.
    m_display->hide();
    m_display->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_display.get()));
    scan(DemoDataGenerator::productEanFor(0));
    QCOMPARE(m_display->view(), CustomerDisplay::View::Sale);
    press(Qt::Key_F12);
    QCOMPARE(m_display->view(), CustomerDisplay::View::ThankYou);
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
    QVERIFY(!m_display->isActiveWindow());
    QCOMPARE(QApplication::focusWidget(), m_window->scanField());
    QList<QWidget*> widgets = m_display->findChildren<QWidget*>();
    for (const QWidget* widget : std::as_const(widgets))
        QVERIFY2(widget->focusPolicy() == Qt::NoFocus, qPrintable(widget->objectName()));
}

void TestCustomerDisplay::followsTheHighContrastThemeAndFontScale()
{
    auto* total = m_display->findChild<QLabel*>(QStringLiteral("customerTotalLabel"));
    QVERIFY(total);
    scan(DemoDataGenerator::productEanFor(0));
    const qreal standardSize = total->font().pointSizeF();
    QCOMPARE(standardSize, 60.0);

    AppearanceSetup high;
    high.theme = AppearanceSetup::Theme::HighContrast;
    high.fontScalePercent = 150;
    TillStyle::apply(*qApp, high);
    QTRY_COMPARE(total->font().pointSizeF(), 90.0);
    saveShot(QStringLiteral("customer-display-high-contrast"));
    const QPalette expected = TillStyle::palette(high);
    // The total bar is in the highlight colours (yellow on black's reverse), the rest in window colours.
    QCOMPARE(total->palette().color(total->foregroundRole()), expected.color(QPalette::HighlightedText));
    auto* greetingOrHint = m_display->findChild<QLabel*>(QStringLiteral("customerJoinHintLabel"));
    QCOMPARE(greetingOrHint->palette().color(greetingOrHint->foregroundRole()), expected.color(QPalette::WindowText));
    QCOMPARE(m_display->palette().color(QPalette::Window), expected.color(QPalette::Window));

    TillStyle::apply(*qApp);
    QTRY_COMPARE(total->font().pointSizeF(), standardSize);
    QCOMPARE(total->palette().color(total->foregroundRole()), TillStyle::palette({}).color(QPalette::HighlightedText));

    // A smaller window (beside a single-screen till, a small pole display) gets smaller type.
    m_display->resize(CustomerDisplay::kDesignSize / 2);
    QTRY_COMPARE(total->font().pointSizeF(), 30.0);
}

void TestCustomerDisplay::everyTextHasAnAccessibleName()
{
    scan(DemoDataGenerator::cardNumberFor(9));
    scan(DemoDataGenerator::productEanFor(0));
    const QList<QLabel*> labels = m_display->findChildren<QLabel*>();
    QVERIFY(labels.size() > 10);
    for (const QLabel* label : labels)
        QVERIFY2(!label->accessibleName().isEmpty(), qPrintable(label->objectName()));
    // The amount to pay is reachable by name in the accessibility tree.
    QAccessibleInterface* root = QAccessible::queryAccessibleInterface(m_display.get());
    QVERIFY(root);
    QStringList names;
    QList<QAccessibleInterface*> pending{root};
    while (!pending.isEmpty()) {
        QAccessibleInterface* node = pending.takeLast();
        names << node->text(QAccessible::Name);
        for (int i = 0; i < node->childCount(); ++i) {
            if (QAccessibleInterface* child = node->child(i))
                pending << child;
        }
    }
    QVERIFY2(names.contains(QStringLiteral("Amount to pay")), qPrintable(names.join(QStringLiteral(", "))));
    QVERIFY(names.contains(QStringLiteral("Your items")));
}

QTEST_MAIN(TestCustomerDisplay)
#include "TestCustomerDisplay.moc"
