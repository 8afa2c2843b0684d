// Drives the real sale window with key events as a keyboard-wedge scanner types them, and checks
// what the cashier sees and what the database holds afterwards.
#include "demo/DemoDataGenerator.h"
#include "i18n/TranslationLoader.h"
#include "ledger/LedgerRepository.h"
#include "members/CardLifecycle.h"
#include "members/ConsentText.h"
#include "members/EnrolDialog.h"
#include "members/Enrolment.h"
#include "members/MemberCardsDialog.h"
#include "sale/BasketModel.h"
#include "sale/KeyLegend.h"
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
#include <QCheckBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace loyalty;

class TestSaleWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void scannedCardAndGoodsBecomeACommittedSale();
    void garbageScanIsRefusedAndChangesNothing();
    void wrongCheckDigitAndUnknownCardAreRefused();
    void plusMinusAndDeleteChangeTheSelectedLine();
    void voidNeedsASecondF8();
    void escapeClearsTheInput();
    void completingAnEmptySaleIsRefused();
    void basketModelPassesTheModelTester();
    void f9EnrolsACustomerWithAScannedCard();
    void f7ReplacesTheCardOnTheSale();
    void wedgeScanIntoTheSaleIsCaptured();
    void wedgeScanWhileTheEnrolDialogHasFocusGoesToItsCardField();

private:
    void scan(const QString& code);
    // Keys as the platform delivers them, with timestamps, to the focused widget: what the
    // application-wide wedge capture sees from a real scanner (gapMs apart, then Enter).
    void wedgeType(QWidget* target, const QString& text, int gapMs, bool enter = true);
    qint64 m_keyTime = 1'000'000;
    void press(Qt::Key key);
    qint64 count(const QString& table) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<SaleSession> m_session;
    std::unique_ptr<Enrolment> m_enrolment;
    std::unique_ptr<CardLifecycle> m_cards;
    std::unique_ptr<SaleWindow> m_window;
};

void TestSaleWindow::initTestCase()
{
    // English is the source language, but plural forms ("1 point", "2 points") come from its translation.
    TranslationLoader::install(this, QStringLiteral("en"));
    QCOMPARE(tr("%n point(s)", nullptr, 1), QStringLiteral("1 point(s)"));  // no context: untranslated
    QCOMPARE(QCoreApplication::translate("loyalty::MemberPanel", "%Ln point(s)", nullptr, 2),
             QStringLiteral("2 points"));
}

void TestSaleWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
    DemoDataGenerator generator(*m_database, *m_clock);
    QVERIFY(generator.generate(1200).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_session = std::make_unique<SaleSession>(*m_database, *m_clock, *settings);
    m_enrolment = std::make_unique<Enrolment>(*m_database, *m_clock, *settings);
    m_cards = std::make_unique<CardLifecycle>(*m_database, *m_clock, *settings);
    m_window = std::make_unique<SaleWindow>(*m_session, *m_enrolment, *m_cards);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
}

void TestSaleWindow::cleanup()
{
    m_window.reset();
    m_cards.reset();
    m_enrolment.reset();
    m_session.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

void TestSaleWindow::scan(const QString& code)
{
    // A wedge scanner types about one key every 5-8 ms and ends with Enter.
    QTest::keyClicks(m_window->scanField(), code, Qt::NoModifier, 5);
    QTest::keyClick(m_window->scanField(), Qt::Key_Return);
}

void TestSaleWindow::press(Qt::Key key)
{
    QTest::keyClick(m_window->scanField(), key);
}

void TestSaleWindow::wedgeType(QWidget* target, const QString& text, int gapMs, bool enter)
{
    const auto send = [target](QEvent::Type type, int key, const QString& character, qint64 at) {
        QKeyEvent event(type, key, Qt::NoModifier, character);
        event.setTimestamp(quint64(at));
        QApplication::sendEvent(target, &event);
    };
    const QString keys = enter ? text + QLatin1Char('\r') : text;
    for (const QChar c : keys) {
        m_keyTime += gapMs;
        const int key = c == u'\r' ? int(Qt::Key_Return) : int(c.toUpper().unicode());
        send(QEvent::KeyPress, key, QString(c), m_keyTime);
        send(QEvent::KeyRelease, key, QString(c), m_keyTime + 1);
    }
    m_keyTime += 1000;
    QCoreApplication::processEvents();
}

qint64 TestSaleWindow::count(const QString& table) const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestSaleWindow::scannedCardAndGoodsBecomeACommittedSale()
{
    const QString card = DemoDataGenerator::cardNumberFor(42);
    QSqlQuery before(m_database->connection());
    QVERIFY(before.exec(QStringLiteral("SELECT sum(points) FROM ledger_entries WHERE member_id = 42")) &&
            before.next());
    const qint64 balanceBefore = before.value(0).toLongLong();
    before.finish();

    scan(card);
    QCOMPARE(m_window->memberPanel()->memberName(), m_session->member()->member.name);
    QVERIFY(m_window->memberPanel()->balanceText().contains(QLocale().toString(balanceBefore)));

    const QStringList eans{DemoDataGenerator::productEanFor(0), DemoDataGenerator::productEanFor(2),
                           DemoDataGenerator::productEanFor(3)};
    for (const QString& ean : eans)
        scan(ean);
    scan(eans.first());  // the same product again raises its quantity
    QCOMPARE(m_window->basketView()->model()->rowCount(), 3);
    QCOMPARE(m_session->basket().itemCount(), 4);
    QVERIFY(m_window->scanField()->hasFocus());
    QVERIFY(m_window->scanField()->text().isEmpty());

    const qint64 expectedTotal = m_session->basket().total().minorUnits();
    const qint64 expectedPoints = m_session->effects().pointsEarned();
    QVERIFY(expectedTotal > 0);
    QCOMPARE(
        m_window->memberPanel()->earnText(),
        QStringLiteral("+%1 point%2").arg(expectedPoints).arg(expectedPoints == 1 ? QString() : QStringLiteral("s")));

    press(Qt::Key_F12);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Success);
    QCOMPARE(m_session->basket().lineCount(), 0);

    QSqlQuery sale(m_database->connection());
    QVERIFY(sale.exec(QStringLiteral("SELECT id, member_id, total_minor, points_earned, card_number FROM sales")));
    QVERIFY(sale.next());
    const qint64 saleId = sale.value(0).toLongLong();
    QCOMPARE(sale.value(1).toLongLong(), 42);
    QCOMPARE(sale.value(2).toLongLong(), expectedTotal);
    QCOMPARE(sale.value(3).toLongLong(), expectedPoints);
    QCOMPARE(sale.value(4).toString(), card);
    QVERIFY(!sale.next());
    sale.finish();

    QSqlQuery lines(m_database->connection());
    QVERIFY(lines.exec(QStringLiteral("SELECT count(*), sum(quantity), sum(line_total_minor) FROM sale_lines")));
    QVERIFY(lines.next());
    QCOMPARE(lines.value(0).toLongLong(), 3);
    QCOMPARE(lines.value(1).toLongLong(), 4);
    QCOMPARE(lines.value(2).toLongLong(), expectedTotal);
    lines.finish();

    // The ledger also books stamps and other accounts of the programme; the points account holds
    // what the panel showed.
    const auto entries = LedgerRepository(m_database->connection()).entriesForSale(saleId);
    QVERIFY(entries.ok());
    qint64 bookedPoints = 0;
    for (const LedgerEntry& entry : *entries) {
        if (entry.account == QLatin1String("points"))
            bookedPoints += entry.points;
    }
    QCOMPARE(bookedPoints, expectedPoints);

    QSqlQuery outbox(m_database->connection());
    QVERIFY(outbox.exec(
        QStringLiteral("SELECT type, state, sequence, payload FROM outbox_events WHERE sale_id = %1").arg(saleId)));
    QVERIFY(outbox.next());
    QCOMPARE(outbox.value(0).toString(), QStringLiteral("sale.completed"));
    QCOMPARE(outbox.value(1).toString(), QStringLiteral("pending"));
    QCOMPARE(outbox.value(2).toLongLong(), 1);
    const QJsonObject payload = QJsonDocument::fromJson(outbox.value(3).toString().toUtf8()).object();
    QCOMPARE(payload.value(QStringLiteral("total_minor")).toInteger(), expectedTotal);
    outbox.finish();

    // After completion the panel shows what the sale gave and the new balance.
    QCOMPARE(m_window->memberPanel()->memberName(), m_session->lastCompleted()->memberName);
    QVERIFY(m_window->memberPanel()->balanceText().contains(QLocale().toString(balanceBefore + expectedPoints)));
    QVERIFY(m_window->keyLegend()->statusText().contains(QStringLiteral("1 queued")));
}

void TestSaleWindow::garbageScanIsRefusedAndChangesNothing()
{
    scan(QStringLiteral("%B4111111111111111^DOE/JOHN^2512101?"));
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY(!m_window->messageStrip()->text().contains(QStringLiteral("4111")));
    scan(QStringLiteral("4111111111111111"));
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY(!m_window->messageStrip()->text().contains(QStringLiteral("4111")));
    QCOMPARE(m_session->basket().lineCount(), 0);
    QVERIFY(!m_session->member().has_value());
    QCOMPARE(count(QStringLiteral("sales")), 0);
    QCOMPARE(count(QStringLiteral("outbox_events")), 0);
}

void TestSaleWindow::wrongCheckDigitAndUnknownCardAreRefused()
{
    QString misread = DemoDataGenerator::cardNumberFor(7);
    misread[12] = QChar(u'0' + (misread[12].digitValue() + 1) % 10);
    scan(misread);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY(m_window->messageStrip()->text().contains(QStringLiteral("check digit")));
    QVERIFY(!m_session->member().has_value());

    scan(DemoDataGenerator::cardNumberFor(99999));  // valid number, but no such member
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY(m_window->messageStrip()->text().contains(QStringLiteral("Unknown card")));

    scan(DemoDataGenerator::blockedCardNumberFor(1000));
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY(m_window->messageStrip()->text().contains(QStringLiteral("blocked")));
    QVERIFY(!m_session->member().has_value());

    scan(QStringLiteral("4006381333931"));  // a valid EAN-13 that the shop does not sell
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY(m_window->messageStrip()->text().contains(QStringLiteral("not in the catalogue")));
    QCOMPARE(m_session->basket().lineCount(), 0);
}

void TestSaleWindow::plusMinusAndDeleteChangeTheSelectedLine()
{
    scan(DemoDataGenerator::productEanFor(0));
    scan(DemoDataGenerator::productEanFor(1));
    // The last scanned line is selected.
    press(Qt::Key_Plus);
    press(Qt::Key_Plus);
    QCOMPARE(m_session->basket().lines().at(1).quantity, 3);
    press(Qt::Key_Minus);
    QCOMPARE(m_session->basket().lines().at(1).quantity, 2);
    press(Qt::Key_Up);
    press(Qt::Key_Minus);  // cannot go below 1
    QCOMPARE(m_session->basket().lines().at(0).quantity, 1);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Warning);
    press(Qt::Key_Delete);
    QCOMPARE(m_session->basket().lineCount(), 1);
    QCOMPARE(m_session->basket().lines().at(0).product.ean, DemoDataGenerator::productEanFor(1));
    QCOMPARE(m_window->totalsBar()->totalText().isEmpty(), false);
}

void TestSaleWindow::voidNeedsASecondF8()
{
    scan(DemoDataGenerator::cardNumberFor(5));
    scan(DemoDataGenerator::productEanFor(0));
    press(Qt::Key_F8);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Warning);
    QCOMPARE(m_session->basket().lineCount(), 1);
    press(Qt::Key_F8);
    QCOMPARE(m_session->basket().lineCount(), 0);
    QVERIFY(!m_session->member().has_value());
    QCOMPARE(count(QStringLiteral("sales")), 0);

    // Another key between the two presses keeps the sale.
    scan(DemoDataGenerator::productEanFor(0));
    press(Qt::Key_F8);
    press(Qt::Key_Up);
    press(Qt::Key_F8);
    QCOMPARE(m_session->basket().lineCount(), 1);
}

void TestSaleWindow::escapeClearsTheInput()
{
    QTest::keyClicks(m_window->scanField(), QStringLiteral("40063"));
    press(Qt::Key_Escape);
    QVERIFY(m_window->scanField()->text().isEmpty());
    QCOMPARE(m_session->basket().lineCount(), 0);
}

void TestSaleWindow::completingAnEmptySaleIsRefused()
{
    press(Qt::Key_F12);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QCOMPARE(count(QStringLiteral("sales")), 0);
    QCOMPARE(count(QStringLiteral("outbox_events")), 0);
}

void TestSaleWindow::basketModelPassesTheModelTester()
{
    BasketModel model(*m_session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    scan(DemoDataGenerator::productEanFor(0));
    scan(DemoDataGenerator::productEanFor(4));
    model.refresh();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, BasketModel::QuantityColumn)).toString(), QStringLiteral("1"));
}

void TestSaleWindow::f9EnrolsACustomerWithAScannedCard()
{
    const QString newCard = DemoDataGenerator::cardNumberFor(5000);  // in range, not yet issued
    const qint64 membersBefore = count(QStringLiteral("members"));
    bool dialogSeen = false;
    // The dialog is modal: fill it from the event loop once it is open, as a cashier would.
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<EnrolDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogSeen = true;
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Erika Mustermann"));
        // Without consent nobody is enrolled, and the dialog says why.
        dialog->acceptScan(newCard);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorText().contains(QStringLiteral("agreed")));
        dialog->consentBox()->setChecked(true);
        QTest::keyClick(dialog->nameField(), Qt::Key_Return);
    });
    press(Qt::Key_F9);
    QVERIFY(dialogSeen);
    QCOMPARE(count(QStringLiteral("members")), membersBefore + 1);
    QVERIFY(m_session->member().has_value());
    QCOMPARE(m_session->member()->member.name, QStringLiteral("Erika Mustermann"));
    QCOMPARE(m_session->member()->cardNumber, newCard);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Success);

    QSqlQuery consent(m_database->connection());
    QVERIFY(consent.exec(QStringLiteral("SELECT c.given, c.text_version FROM consents c JOIN cards k"
                                        " ON k.member_id = c.member_id WHERE k.number = '%1'")
                             .arg(newCard)));
    QVERIFY(consent.next());
    QCOMPARE(consent.value(0).toInt(), 1);
    QCOMPARE(consent.value(1).toString(), ConsentText::version());
    consent.finish();
    QSqlQuery event(m_database->connection());
    QVERIFY(event.exec(QStringLiteral("SELECT count(*) FROM outbox_events WHERE type = 'member.enrolled'")));
    QVERIFY(event.next());
    QCOMPARE(event.value(0).toInt(), 1);
}

void TestSaleWindow::f7ReplacesTheCardOnTheSale()
{
    const QString oldCard = DemoDataGenerator::cardNumberFor(21);
    const QString newCard = DemoDataGenerator::cardNumberFor(5001);
    scan(oldCard);
    scan(DemoDataGenerator::productEanFor(0));
    const qint64 memberId = m_session->member()->member.id;
    const Points balance = *m_session->memberBalance();
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<MemberCardsDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogSeen = true;
        dialog->startReplacing();
        dialog->acceptScan(newCard);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("replaces")), qPrintable(dialog->statusText()));
        dialog->reject();
    });
    press(Qt::Key_F7);
    QVERIFY(dialogSeen);
    // The sale goes on, on the new card, with the same member and balance.
    QCOMPARE(m_session->member()->cardNumber, newCard);
    QCOMPARE(m_session->member()->member.id, memberId);
    QCOMPARE(*m_session->memberBalance(), balance);
    QCOMPARE(m_session->basket().lineCount(), 1);
    press(Qt::Key_F12);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Success);

    // The old card is now refused as replaced.
    scan(oldCard);
    QCOMPARE(m_window->messageStrip()->severity(), MessageStrip::Severity::Error);
    QVERIFY(m_window->messageStrip()->text().contains(QStringLiteral("replaced")));
}

void TestSaleWindow::wedgeScanIntoTheSaleIsCaptured()
{
    wedgeType(m_window->scanField(), DemoDataGenerator::cardNumberFor(31), 6);
    QTRY_VERIFY(m_session->member().has_value());
    QCOMPARE(m_session->member()->member.id, 31);
    QVERIFY(m_window->scanField()->text().isEmpty());
    // A person typing slowly still types into the field; nothing is captured.
    wedgeType(m_window->scanField(), QStringLiteral("40063"), 120, false);
    QCoreApplication::processEvents();
    QTRY_COMPARE(m_window->scanField()->text(), QStringLiteral("40063"));
}

void TestSaleWindow::wedgeScanWhileTheEnrolDialogHasFocusGoesToItsCardField()
{
    const QString newCard = DemoDataGenerator::cardNumberFor(6000);
    bool checked = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<EnrolDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->nameField()->setFocus();
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Jo"));
        // The scanner fires while the cashier is in the name field.
        wedgeType(dialog->nameField(), newCard, 6);
        QTRY_COMPARE(dialog->cardField()->text(), newCard);
        QCOMPARE(dialog->nameField()->text(), QStringLiteral("Jo"));
        checked = true;
        dialog->reject();
    });
    press(Qt::Key_F9);
    QVERIFY(checked);
    QVERIFY(!m_session->member().has_value());  // the scan did not reach the sale
}

QTEST_MAIN(TestSaleWindow)
#include "TestSaleWindow.moc"
