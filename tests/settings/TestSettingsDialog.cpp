// The settings dialog, offscreen, driven by keys and clicks like a manager would: OK writes the
// preferences to the QSettings file and the identity to the till database; "Print test receipt"
// appends ESC/POS bytes to a File printer without blocking; Cancel (Esc) changes neither and puts
// the look back; a plain-http head-office address, an empty file path or a blank till name are
// refused next to the field; the scanner test never shows a payment card's number.
#include "config/TillPreferences.h"
#include "ctl/RawDatabase.h"
#include "input/WedgeScanCapture.h"
#include "settings/AppearancePage.h"
#include "settings/FieldError.h"
#include "settings/LanguagePage.h"
#include "settings/PrinterPage.h"
#include "settings/ScannerPage.h"
#include "settings/SettingsDialog.h"
#include "settings/TillIdentityEditor.h"
#include "settings/TillIdentityPage.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "style/TillStyle.h"
#include "time/FixedClock.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void okSavesToSettingsAndDatabase();
    void testPrintAppendsEscPosToTheFile();
    void cancelChangesNothing();
    void plainHttpHeadOfficeIsRefused();
    void invalidPrinterAndNameAreRefusedNextToTheField();
    void scannerTestNeverShowsAPaymentCard();
    void untouchedScannerPageFollowsTheDatabase();
    void keyboardMovesBetweenPages();
    void idleDialogClosesAsCancel();

private:
    std::unique_ptr<SettingsDialog> openDialog();
    QString stored(const QString& key) const
    {
        return RawDatabase(m_database->path())
            .value(QStringLiteral("SELECT value FROM settings WHERE key = '%1'").arg(key))
            .toString();
    }
    static void selectData(QComboBox* box, const QVariant& data)
    {
        const int index = box->findData(data);
        QVERIFY(index >= 0);
        box->setCurrentIndex(index);
    }
    static void typeInto(QLineEdit* field, const QString& text)
    {
        field->setFocus();
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Backspace);
        for (const QChar c : text) {
            if (c.unicode() < 128)
                QTest::keyClick(field, char(c.unicode()));
            else  // QTest's key table is ASCII only: a key event that carries the character as its text
                QTest::sendKeyEvent(QTest::Click, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TillIdentityEditor> m_identity;
    std::unique_ptr<QSettings> m_settings;
    StaffSession m_manager;
    QString m_settingsPath;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    m_identity = std::make_unique<TillIdentityEditor>(*m_database, *m_clock);
    StaffDirectory staff(*m_database, *m_clock);
    const auto manager = staff.createFirstManager(QStringLiteral("Mara"), QStringLiteral("2580"));
    QVERIFY(manager.ok());
    m_manager = *manager;
    m_settingsPath = m_dir->filePath(QStringLiteral("loyalty-till.conf"));
    m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
    TillStyle::apply(*qApp, AppearanceSetup{});
}

void TestSettingsDialog::cleanup()
{
    m_settings.reset();
    m_identity.reset();
    m_database.reset();
    m_dir.reset();
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::openDialog()
{
    DeviceSettings devices;
    devices.serial.portName = QStringLiteral("ttyS7");
    auto dialog = std::make_unique<SettingsDialog>(
        SettingsDialog::Context{*m_settings, *m_identity, m_manager, devices, QStringLiteral("2000"), *m_clock});
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("settings dialog not exposed");
    return dialog;
}

void TestSettingsDialog::okSavesToSettingsAndDatabase()
{
    const QString receipts = m_dir->filePath(QStringLiteral("receipts.bin"));
    auto dialog = openDialog();
    TillIdentityPage* till = dialog->tillPage();
    QCOMPARE(till->nameField()->text(), QStringLiteral("Till 1"));
    typeInto(till->nameField(), QStringLiteral("Kasse Süd"));

    dialog->showPage(dialog->printerPage());
    PrinterPage* printer = dialog->printerPage();
    selectData(printer->kindBox(), static_cast<int>(PrinterSetup::Kind::File));
    QVERIFY(printer->fileField()->isVisible());
    QVERIFY(!printer->hostField()->isVisible());
    typeInto(printer->fileField(), receipts);
    selectData(printer->paperWidthBox(), 58);
    printer->autoPrintBox()->setChecked(false);

    dialog->showPage(dialog->appearancePage());
    selectData(dialog->appearancePage()->themeBox(), static_cast<int>(AppearanceSetup::Theme::HighContrast));
    // Live: the look changes before OK.
    QCOMPARE(TillStyle::current().theme, AppearanceSetup::Theme::HighContrast);

    // Enter in a field is OK (the default button).
    printer->fileField()->setFocus();
    QTest::keyClick(printer->fileField(), Qt::Key_Return);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QVERIFY(!dialog->isVisible());
    QVERIFY(dialog->identityChanged());

    const QSettings reread(m_settingsPath, QSettings::IniFormat);
    const TillPreferences saved = TillPreferences::load(reread);
    QCOMPARE(saved.printer.kind, PrinterSetup::Kind::File);
    QCOMPARE(saved.printer.filePath, receipts);
    QCOMPARE(saved.printer.paperWidthMm, 58);
    QCOMPARE(saved.printer.autoPrint, false);
    QCOMPARE(saved.appearance.theme, AppearanceSetup::Theme::HighContrast);
    QCOMPARE(saved, dialog->preferences());
    QCOMPARE(stored(QStringLiteral("till.name")), QStringLiteral("Kasse Süd"));
    QCOMPARE(TillStyle::current().theme, AppearanceSetup::Theme::HighContrast);
    // One audit entry for the identity change.
    QCOMPARE(RawDatabase(m_database->path())
                 .value(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = '%1'")
                            .arg(TillIdentityEditor::kIdentityChangedAction))
                 .toInt(),
             1);
}

void TestSettingsDialog::testPrintAppendsEscPosToTheFile()
{
    const QString receipts = m_dir->filePath(QStringLiteral("test-receipts.bin"));
    auto dialog = openDialog();
    dialog->showPage(dialog->printerPage());
    PrinterPage* printer = dialog->printerPage();
    QVERIFY(!printer->testButton()->isEnabled());  // no printer chosen yet
    selectData(printer->kindBox(), static_cast<int>(PrinterSetup::Kind::File));
    typeInto(printer->fileField(), receipts);
    QVERIFY(printer->testButton()->isEnabled());

    QSignalSpy finished(printer, &PrinterPage::testFinished);
    printer->testButton()->setFocus();
    QTest::keyClick(printer->testButton(), Qt::Key_Space);
    // The dialog does not wait for the printer: it says so and the button waits for the answer.
    QVERIFY(printer->isSending() || finished.count() == 1);
    if (finished.isEmpty()) {
        QVERIFY(printer->testStatus()->text().contains(QStringLiteral("Sending")));
        QVERIFY(!printer->testButton()->isEnabled());
        QVERIFY(finished.wait(10000));
    }
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY2(printer->testStatus()->text().contains(receipts), qPrintable(printer->testStatus()->text()));
    QFile file(receipts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    QVERIFY(bytes.startsWith(QByteArray("\x1b\x40", 2)));  // ESC @: initialise
    QVERIFY(bytes.contains(QByteArray("\x1d\x56", 2)));    // GS V: the paper cut
    QVERIFY(bytes.contains(QByteArray("TEST RECEIPT")));
    QVERIFY(bytes.contains(QByteArray("Till 1")));

    // A second test print appends.
    QTest::keyClick(printer->testButton(), Qt::Key_Space);
    if (finished.count() < 2)
        QVERIFY(finished.wait(10000));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.size(), 2 * bytes.size());

    // A test print saves nothing.
    QVERIFY(!QFile::exists(m_settingsPath));
    dialog->reject();
}

void TestSettingsDialog::cancelChangesNothing()
{
    {
        TillPreferences before;
        before.printer.kind = PrinterSetup::Kind::Network;
        before.printer.host = QStringLiteral("10.1.1.1");
        before.save(*m_settings);
        m_settings->sync();
    }
    QFile file(m_settingsPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    auto dialog = openDialog();
    typeInto(dialog->tillPage()->nameField(), QStringLiteral("Never saved"));
    selectData(dialog->printerPage()->kindBox(), static_cast<int>(PrinterSetup::Kind::None));
    dialog->appearancePage()->fontScaleBox()->setValue(150);
    dialog->appearancePage()->touchLayoutBox()->setChecked(true);
    QCOMPARE(TillStyle::current().fontScalePercent, 150);
    QTest::keyClick(dialog->tillPage()->nameField(), Qt::Key_Escape);
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(!dialog->isVisible());

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(stored(QStringLiteral("till.name")), QStringLiteral("Till 1"));
    // The look the dialog showed live is taken back.
    QCOMPARE(TillStyle::current(), AppearanceSetup{});
}

void TestSettingsDialog::plainHttpHeadOfficeIsRefused()
{
    auto dialog = openDialog();
    TillIdentityPage* till = dialog->tillPage();
    typeInto(till->nameField(), QStringLiteral("Kasse 9"));
    typeInto(till->headOfficeField(), QStringLiteral("http://hq.example.com:8080"));
    dialog->showPage(dialog->scannerPage());
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->currentPage(), till);
    auto* error = till->findChild<FieldError*>(QStringLiteral("headOfficeErrorLabel"));
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("https")));
    QCOMPARE(till->headOfficeField()->accessibleDescription(), error->accessibleName());
    QVERIFY(dialog->errorLabel()->isVisible());
    QCOMPARE(QApplication::focusWidget(), till->headOfficeField());
    // Nothing saved anywhere, not even the valid name.
    QCOMPARE(stored(QStringLiteral("till.name")), QStringLiteral("Till 1"));
    QCOMPARE(stored(QStringLiteral("sync.hq_url")), QString());
    QVERIFY(!QFile::exists(m_settingsPath));

    // Corrected to https, OK goes through.
    typeInto(till->headOfficeField(), QStringLiteral("https://hq.example.com:8443"));
    QVERIFY(!error->isVisible());
    dialog->accept();
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(stored(QStringLiteral("sync.hq_url")), QStringLiteral("https://hq.example.com:8443"));
    QCOMPARE(stored(QStringLiteral("till.name")), QStringLiteral("Kasse 9"));
}

void TestSettingsDialog::invalidPrinterAndNameAreRefusedNextToTheField()
{
    auto dialog = openDialog();
    PrinterPage* printer = dialog->printerPage();
    selectData(printer->kindBox(), static_cast<int>(PrinterSetup::Kind::File));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->currentPage(), printer);
    auto* fileError = printer->findChild<FieldError*>(QStringLiteral("printerFileErrorLabel"));
    QVERIFY(fileError && fileError->isVisible());

    typeInto(printer->fileField(), m_dir->filePath(QStringLiteral("missing/folder/receipts.bin")));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(fileError->text().contains(QStringLiteral("does not exist")));

    selectData(printer->kindBox(), static_cast<int>(PrinterSetup::Kind::Network));
    dialog->accept();
    auto* hostError = printer->findChild<FieldError*>(QStringLiteral("printerHostErrorLabel"));
    QVERIFY(hostError && hostError->isVisible());

    typeInto(dialog->tillPage()->nameField(), QStringLiteral("   "));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    // The till page comes first; its field has the focus.
    QCOMPARE(dialog->currentPage(), dialog->tillPage());
    QCOMPARE(QApplication::focusWidget(), dialog->tillPage()->nameField());
    QVERIFY(!QFile::exists(m_settingsPath));
    dialog->reject();
}

void TestSettingsDialog::scannerTestNeverShowsAPaymentCard()
{
    auto dialog = openDialog();
    dialog->showPage(dialog->scannerPage());
    ScannerPage* scanner = dialog->scannerPage();
    QLineEdit* field = scanner->testField();
    field->setFocus();

    QTest::keyClicks(field, QStringLiteral("2000000123455"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(dialog->isVisible());  // Enter in the test field is no OK
    QVERIFY2(scanner->testResult()->text().contains(QStringLiteral("Loyalty card 2000000123455")),
             qPrintable(scanner->testResult()->text()));
    QVERIFY(field->text().isEmpty());

    QTest::keyClicks(field, QStringLiteral("4006381000000"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY2(scanner->testResult()->text().contains(QStringLiteral("Product")),
             qPrintable(scanner->testResult()->text()));

    // A Visa test number: refused, and neither the result nor the field keeps it.
    const QString payment = QStringLiteral("4111111111111111");
    QTest::keyClicks(field, payment);
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(field->text().isEmpty());
    QVERIFY(scanner->testResult()->text().contains(QStringLiteral("Refused")));
    QVERIFY(!scanner->testResult()->text().contains(payment));
    QVERIFY(!scanner->testResult()->text().contains(QStringLiteral("1111")));

    // A scan the till's wedge capture took while the page is shown lands here, decoded as a wedge read.
    WedgeScanCapture capture;
    dialog->setScanCapture(&capture);
    Q_EMIT capture.scanCaptured(QStringLiteral("2000000123455"));
    QVERIFY(scanner->testResult()->text().contains(QStringLiteral("Loyalty card 2000000123455")));
    Q_EMIT capture.scanCaptured(payment);
    QVERIFY(scanner->testResult()->text().contains(QStringLiteral("Refused")));
    QVERIFY(!scanner->testResult()->text().contains(QStringLiteral("1111")));
    QVERIFY(!QFile::exists(m_settingsPath));
    dialog->reject();
}

void TestSettingsDialog::untouchedScannerPageFollowsTheDatabase()
{
    auto dialog = openDialog();
    ScannerPage* scanner = dialog->scannerPage();
    QCOMPARE(scanner->serialPortBox()->currentText(), QStringLiteral("ttyS7"));  // from the database
    QCOMPARE(scanner->setup(), ScannerSetup{});
    scanner->maxGapBox()->setValue(35);
    dialog->accept();
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    const TillPreferences saved = TillPreferences::load(QSettings(m_settingsPath, QSettings::IniFormat));
    QCOMPARE(saved.scanner.wedgeMaxGapMs, std::optional<int>(35));
    QVERIFY(!saved.scanner.serialPort.has_value());
    QVERIFY(!saved.scanner.wedgeEnabled.has_value());
    // No identity change: no audit entry.
    QVERIFY(!dialog->identityChanged());
}

void TestSettingsDialog::keyboardMovesBetweenPages()
{
    auto dialog = openDialog();
    QApplication::setActiveWindow(dialog.get());
    QCOMPARE(QApplication::focusWidget(), dialog->tillPage()->nameField());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(dialog->currentPage(), dialog->languagePage());
    // From inside a combo box too, and the new page's first field has the focus.
    QVERIFY(dialog->languagePage()->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(dialog->currentPage(), dialog->appearancePage());
    QCOMPARE(QApplication::focusWidget(), dialog->appearancePage()->themeBox());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(dialog->currentPage(), dialog->languagePage());
    // Every field has an accessible name.
    for (const QWidget* field : dialog->findChildren<QWidget*>()) {
        if (qobject_cast<const QLineEdit*>(field) || qobject_cast<const QComboBox*>(field) ||
            qobject_cast<const QAbstractButton*>(field) || qobject_cast<const QSpinBox*>(field)) {
            if (field->parentWidget() && qobject_cast<const QComboBox*>(field->parentWidget()))
                continue;  // an editable combo box's own line edit
            QVERIFY2(!field->accessibleName().isEmpty() || !field->property("text").toString().isEmpty(),
                     qPrintable(field->objectName()));
        }
    }
    dialog->reject();
}

void TestSettingsDialog::idleDialogClosesAsCancel()
{
    auto dialog = openDialog();
    typeInto(dialog->tillPage()->nameField(), QStringLiteral("Left open"));
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    dialog->setIdleTimeout(50);
    QVERIFY(rejected.wait(10000));
    QVERIFY(!dialog->isVisible());
    QCOMPARE(stored(QStringLiteral("till.name")), QStringLiteral("Till 1"));
    QVERIFY(!QFile::exists(m_settingsPath));
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
