// Drives the real sale window with key events as a cashier and a scanner type them: a sale with a
// member, then F11 takes items of it back. What the screen shows (refund, reversed effects, new
// balance) is what core booked; a return beyond what is left is refused and changes nothing; F11
// waits for an empty basket. Also: a member enrolled with a referrer's card gives the referral
// effects on their first sale.
#include "account/ReturnService.h"
#include "account/ReturnableSale.h"
#include "demo/DemoDataGenerator.h"
#include "i18n/TranslationLoader.h"
#include "ledger/LedgerRepository.h"
#include "members/CardLifecycle.h"
#include "members/EnrolDialog.h"
#include "members/Enrolment.h"
#include "money/MoneyFormatter.h"
#include "program/format/ProgrammeStore.h"
#include "returns/ReturnDialog.h"
#include "sale/EffectsPanel.h"
#include "sale/MessageStrip.h"
#include "sale/SaleSession.h"
#include "sale/SaleWindow.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QApplication>
#include <QCheckBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace loyalty;

namespace {
// The offscreen platform activates a new modal dialog only when asked, and asynchronously.
bool waitUntilActive(QWidget* dialog)
{
    dialog->activateWindow();
    return QTest::qWaitFor([dialog] { return QApplication::activeWindow() == dialog; }, 2000);
}
}  // namespace

class TestReturnDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void f10TakesItemsBackAsCoreBooksThem();
    void returnBeyondWhatIsLeftIsRefused();
    void unknownReceiptIsSaidInTheDialog();
    void scannedReceiptGoesIntoTheReturnDialog();
    void f10WaitsForAnEmptyBasket();
    void referrerGivenAtEnrolmentEarnsTheReferralEffects();

private:
    void scan(const QString& code);
    void press(Qt::Key key);
    void wedgeType(QWidget* target, const QString& text, int gapMs);
    // Opens the return dialog with F11 and runs `steps` in it once it is shown.
    bool withReturnDialog(const std::function<void(ReturnDialog*)>& steps);
    // A completed sale with a member: 2 × fresh produce (double points) and 1 × bakery.
    CompletedSale sellToMember(qint64 memberId);
    Points balance(qint64 memberId) const;
    qint64 count(const QString& table) const;

    qint64 m_keyTime = 5'000'000;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<Enrolment> m_enrolment;
    std::unique_ptr<CardLifecycle> m_cards;
    std::unique_ptr<SaleWindow> m_window;
};

void TestReturnDialog::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestReturnDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
    DemoDataGenerator generator(*m_database, *m_clock);
    QVERIFY(generator.generate(300).ok());
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
    m_window->enableReturns(*m_database, *m_clock);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
}

void TestReturnDialog::cleanup()
{
    m_window.reset();
    m_cards.reset();
    m_enrolment.reset();
    m_session.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestReturnDialog::scan(const QString& code)
{
    QTest::keyClicks(m_window->scanField(), code, Qt::NoModifier, 5);
    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
}

void TestReturnDialog::press(Qt::Key key)
{
    QTest::keyClick(m_window->scanField(), key);
}

void TestReturnDialog::wedgeType(QWidget* target, const QString& text, int gapMs)
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

bool TestReturnDialog::withReturnDialog(const std::function<void(ReturnDialog*)>& steps)
{
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<ReturnDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        if (waitUntilActive(dialog))
            steps(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    press(Qt::Key_F11);
    return seen;
}

CompletedSale TestReturnDialog::sellToMember(qint64 memberId)
{
    scan(DemoDataGenerator::cardNumberFor(memberId));
    scan(DemoDataGenerator::productEanFor(1));
    press(Qt::Key_Plus);
    scan(DemoDataGenerator::productEanFor(0));
    press(Qt::Key_F12);
    if (!m_session->lastCompleted())
        return {};
    return *m_session->lastCompleted();
}

Points TestReturnDialog::balance(qint64 memberId) const
{
    LedgerRepository ledger(m_database->connection());
    const auto points = ledger.balance(memberId);
    return points ? *points : -999999;
}

qint64 TestReturnDialog::count(const QString& table) const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestReturnDialog::f10TakesItemsBackAsCoreBooksThem()
{
    const qint64 memberId = 7;
    const Points before = balance(memberId);
    const CompletedSale sale = sellToMember(memberId);
    QVERIFY(sale.saleId > 0);
    const Points afterSale = balance(memberId);
    QVERIFY2(afterSale > before, "the sale earned points");
    QVERIFY(m_session->basket().isEmpty());

    std::optional<CompletedReturn> booked;
    qint64 preview = -1;
    const bool seen = withReturnDialog([&](ReturnDialog* dialog) {
        QVERIFY(dialog->receiptField()->hasFocus());
        QTest::keyClicks(dialog->receiptField(), QString::number(sale.saleId));
        QTest::keyClick(dialog->receiptField(), Qt::Key_Return);
        QCOMPARE(dialog->linesTable()->rowCount(), 2);
        QCOMPARE(dialog->linesTable()->item(0, 1)->text(), QStringLiteral("2"));  // bought
        QCOMPARE(dialog->linesTable()->item(0, 2)->text(), QStringLiteral("0"));  // returned before
        // The first line's quantity box has the keyboard: ↑ twice brings both items back.
        QSpinBox* fresh = dialog->quantityBox(0);
        QVERIFY(fresh && fresh->hasFocus());
        QCOMPARE(fresh->maximum(), 2);
        QTest::keyClick(fresh, Qt::Key_Up);
        QTest::keyClick(fresh, Qt::Key_Up);
        QTest::keyClick(fresh, Qt::Key_Up);  // no third one to give back
        QCOMPARE(fresh->value(), 2);
        const auto loaded = ReturnableSale::load(m_database->connection(), QString::number(sale.saleId));
        QVERIFY(loaded.ok());
        preview = dialog->refundPreviewMinor();
        QCOMPARE(preview, loaded->refundPreviewMinor(0, 2));
        QVERIFY2(dialog->refundPreviewText().contains(MoneyFormatter().format(Money(preview, QStringLiteral("EUR")))),
                 qPrintable(dialog->refundPreviewText()));
        QTest::keyClick(fresh, Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
        booked = dialog->completed();
    });
    QVERIFY(seen);
    QVERIFY(booked.has_value());

    // Core booked it: the refund is the previewed one, and the points came back off.
    QCOMPARE(booked->saleId, sale.saleId);
    QCOMPARE(booked->refund.minorUnits(), preview);
    QVERIFY(!booked->reversed.isEmpty());
    QVERIFY(booked->pointsBalance < afterSale);
    QCOMPARE(balance(memberId), booked->pointsBalance);
    QCOMPARE(count(QStringLiteral("sale_returns")), 1);

    // The strip shows what core booked: the refund, each reversal and the new balance.
    MessageStrip* strip = m_window->messageStrip();
    QCOMPARE(strip->severity(), MessageStrip::Severity::Success);
    const QString text = strip->text();
    QVERIFY2(text.contains(MoneyFormatter().format(booked->refund)), qPrintable(text));
    for (const ReversedEffect& effect : std::as_const(booked->reversed))
        QVERIFY2(text.contains(effect.explanation), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(booked->pointsBalance)), qPrintable(text));
    QTRY_VERIFY(m_window->scanField()->hasFocus());
}

void TestReturnDialog::returnBeyondWhatIsLeftIsRefused()
{
    const qint64 memberId = 8;
    const CompletedSale sale = sellToMember(memberId);
    QVERIFY(sale.saleId > 0);
    const QString receipt = QString::number(sale.saleId);

    // One of the two fresh items comes back.
    QVERIFY(withReturnDialog([&](ReturnDialog* dialog) {
        QTest::keyClicks(dialog->receiptField(), receipt);
        QTest::keyClick(dialog->receiptField(), Qt::Key_Return);
        QTest::keyClick(dialog->quantityBox(0), Qt::Key_Up);
        QTest::keyClick(dialog->quantityBox(0), Qt::Key_Return);
        QVERIFY(dialog->completed().has_value());
    }));
    QCOMPARE(count(QStringLiteral("sale_returns")), 1);
    const Points afterFirst = balance(memberId);

    QVERIFY(withReturnDialog([&](ReturnDialog* dialog) {
        QTest::keyClicks(dialog->receiptField(), receipt);
        QTest::keyClick(dialog->receiptField(), Qt::Key_Return);
        // The screen offers only what is left.
        QCOMPARE(dialog->linesTable()->item(0, 2)->text(), QStringLiteral("1"));
        QCOMPARE(dialog->quantityBox(0)->maximum(), 1);
        QTest::keyClick(dialog->quantityBox(0), Qt::Key_Up);
        QCOMPARE(dialog->quantityBox(0)->value(), 1);
        // Meanwhile the last item is taken back elsewhere (another till, the office).
        ReturnService elsewhere(m_database->connection(), *m_clock, m_session->settings().tillId);
        QVERIFY(elsewhere.returnLines(sale.saleId, {{1, 1}}, m_session->engine().programme()).ok());
        const qint64 returns = count(QStringLiteral("sale_returns"));
        const Points points = balance(memberId);
        // Enter now asks for more than is left: refused, said in the dialog, nothing booked.
        QTest::keyClick(dialog->quantityBox(0), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->completed().has_value());
        QCOMPARE(dialog->messageStrip()->severity(), MessageStrip::Severity::Error);
        QVERIFY2(dialog->messageStrip()->text().contains(QStringLiteral("can still be returned")),
                 qPrintable(dialog->messageStrip()->text()));
        QCOMPARE(count(QStringLiteral("sale_returns")), returns);
        QCOMPARE(balance(memberId), points);
        QTest::keyClick(dialog->quantityBox(0), Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
    }));
    QVERIFY(balance(memberId) < afterFirst);  // only the return booked elsewhere took points

    // Opened again, nothing of that line can come back any more.
    QVERIFY(withReturnDialog([&](ReturnDialog* dialog) {
        QTest::keyClicks(dialog->receiptField(), receipt);
        QTest::keyClick(dialog->receiptField(), Qt::Key_Return);
        QCOMPARE(dialog->linesTable()->item(0, 2)->text(), QStringLiteral("2"));
        QCOMPARE(dialog->quantityBox(0)->maximum(), 0);
        QVERIFY(!dialog->quantityBox(0)->isEnabled());
        QVERIFY(dialog->quantityBox(1)->hasFocus());
    }));
}

void TestReturnDialog::unknownReceiptIsSaidInTheDialog()
{
    QVERIFY(withReturnDialog([&](ReturnDialog* dialog) {
        QTest::keyClicks(dialog->receiptField(), QStringLiteral("987654"));
        QTest::keyClick(dialog->receiptField(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->messageStrip()->severity(), MessageStrip::Severity::Error);
        QVERIFY2(dialog->messageStrip()->text().contains(QStringLiteral("987654")),
                 qPrintable(dialog->messageStrip()->text()));
        QCOMPARE(dialog->linesTable()->rowCount(), 0);
        QVERIFY(dialog->receiptField()->hasFocus());
    }));
    QCOMPARE(count(QStringLiteral("sale_returns")), 0);
}

void TestReturnDialog::scannedReceiptGoesIntoTheReturnDialog()
{
    const CompletedSale sale = sellToMember(9);
    QVERIFY(sale.saleId > 0);
    QVERIFY(withReturnDialog([&](ReturnDialog* dialog) {
        // The scanner reads the receipt's code (its uuid) while the dialog is open.
        wedgeType(dialog->receiptField(), sale.saleUuid.toUpper(), 6);
        QTRY_COMPARE(dialog->linesTable()->rowCount(), 2);
        QCOMPARE(dialog->receiptField()->text(), sale.saleUuid.toUpper());
        QVERIFY(dialog->quantityBox(0)->hasFocus());
    }));
    QVERIFY(m_session->basket().isEmpty());  // the scan did not reach the sale
}

void TestReturnDialog::f10WaitsForAnEmptyBasket()
{
    scan(DemoDataGenerator::productEanFor(0));
    bool opened = false;
    QTimer::singleShot(0, this, [&] {
        if (auto* dialog = QApplication::activeModalWidget()) {
            opened = true;
            dialog->close();
        }
    });
    press(Qt::Key_F11);
    QCoreApplication::processEvents();
    QVERIFY(!opened);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Warning);
    QVERIFY2(m_window->messageStrip()->text().contains(QStringLiteral("Finish or void the current sale first")),
             qPrintable(m_window->messageStrip()->text()));
    QCOMPARE(m_session->basket().lineCount(), 1);  // the sale is untouched
    QVERIFY(m_window->keyLegend() != nullptr);
}

void TestReturnDialog::referrerGivenAtEnrolmentEarnsTheReferralEffects()
{
    const qint64 referrerId = 11;
    const QString referrerCard = DemoDataGenerator::cardNumberFor(referrerId);
    const Points referrerBefore = balance(referrerId);
    const QString newCard = DemoDataGenerator::cardNumberFor(5000);
    bool seen = false;
    const auto fill = [&](EnrolDialog* dialog) {
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Erika Mustermann"));
        dialog->acceptScan(newCard);
        // An unknown referrer card is refused, and the dialog says so.
        dialog->referrerField()->setFocus();
        QTest::keyClicks(dialog->referrerField(), DemoDataGenerator::cardNumberFor(9000));
        dialog->consentBox()->setChecked(true);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorText().contains(QStringLiteral("referrer")), qPrintable(dialog->errorText()));
        // The recommending member's card, scanned into the referrer field.
        dialog->referrerField()->clear();
        dialog->referrerField()->setFocus();
        dialog->acceptScan(referrerCard);
        QCOMPARE(dialog->referrerField()->text(), referrerCard);
        QCOMPARE(dialog->cardField()->text(), newCard);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
    };
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<EnrolDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        if (waitUntilActive(dialog))
            fill(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    press(Qt::Key_F9);
    QVERIFY(seen);
    QVERIFY(m_session->member().has_value());
    QCOMPARE(m_session->member()->cardNumber, newCard);
    const qint64 newMember = m_session->member()->member.id;

    scan(DemoDataGenerator::productEanFor(0));
    qint64 referralEffects = 0;
    for (const Effect& effect : m_session->effects().effects) {
        if (effect.ruleId == QLatin1String("event.referral"))
            ++referralEffects;
    }
    QCOMPARE(referralEffects, 2);  // the new member's bonus and the referrer's
    const QStringList reasons = m_window->effectsPanel()->reasons();
    QVERIFY2(reasons.join(u'|').contains(QStringLiteral("referr")), qPrintable(reasons.join(u'|')));
    press(Qt::Key_F12);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Success);
    QCOMPARE(balance(referrerId), referrerBefore + 200);
    QVERIFY(balance(newMember) >= 100);
}

QTEST_MAIN(TestReturnDialog)
#include "TestReturnDialog.moc"
