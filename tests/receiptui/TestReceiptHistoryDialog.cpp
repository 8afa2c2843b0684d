// The receipt history as the cashier uses it with the keyboard only: the till's sales newest first, found by
// receipt number or the card's last digits, previewed, and reprinted as a COPY with Enter to a File printer
// (ESC/POS bytes read back); Save as PDF writes a receipt-sized PDF.
#include "ReceiptTestTill.h"
#include "receipt/ReceiptHistoryDialog.h"
#include "receipt/ReceiptPrintService.h"
#include "receipt/ReceiptSource.h"
#include "support/EscPosDecoder.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestReceiptHistoryDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void opensWithTheSalesNewestFirstAndAPreview();
    void filterFindsByReceiptNumberAndCardDigits();
    void enterReprintsACopyToTheFilePrinter();
    void arrowsInTheFindFieldChooseTheReceipt();
    void saveAsPdfWritesTheChosenReceipt();
    void everyControlHasAnAccessibleName();

private:
    QByteArray printedBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::ReceiptTestTill> m_till;
    std::unique_ptr<ReceiptSource> m_source;
    std::unique_ptr<ReceiptPrintService> m_printing;
    std::unique_ptr<ReceiptHistoryDialog> m_dialog;
    QList<qint64> m_sales;  // in the order sold
    PrinterSetup m_setup;
};

void TestReceiptHistoryDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_till = std::make_unique<test::ReceiptTestTill>(m_dir->filePath(QStringLiteral("till.db")));
    QVERIFY2(m_till->problem().isEmpty(), qPrintable(m_till->problem()));
    m_sales.clear();
    for (const std::optional<qint64> member :
         {std::optional<qint64>(42), std::optional<qint64>(), std::optional<qint64>(77)}) {
        const auto sale = m_till->sell(member, {0, 1});
        QVERIFY2(sale.ok(), qPrintable(sale.ok() ? QString() : sale.error().message));
        m_sales.append(sale->saleId);
    }
    m_source = std::make_unique<ReceiptSource>(m_till->database().connection());
    m_setup.kind = PrinterSetup::Kind::File;
    m_setup.filePath = m_dir->filePath(QStringLiteral("printer.bin"));
    m_printing = std::make_unique<ReceiptPrintService>(*m_source, m_setup);
    m_dialog = std::make_unique<ReceiptHistoryDialog>(m_till->database(), *m_printing);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    m_dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));  // the buttons' Alt shortcuts need an active window
}

void TestReceiptHistoryDialog::cleanup()
{
    m_dialog.reset();
    m_printing.reset();
    m_source.reset();
    m_till.reset();
    m_dir.reset();
}

QByteArray TestReceiptHistoryDialog::printedBytes() const
{
    QFile file(m_setup.filePath);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestReceiptHistoryDialog::opensWithTheSalesNewestFirstAndAPreview()
{
    QCOMPARE(m_dialog->visibleSales(), 3);
    QTableWidget* table = m_dialog->saleTable();
    QCOMPARE(table->item(0, 0)->text(), QString::number(m_sales.at(2)));
    QCOMPARE(table->item(2, 0)->text(), QString::number(m_sales.at(0)));
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(2));  // the newest, chosen already
    // The card only masked in the list.
    const QString card = DemoDataGenerator::cardNumberFor(77);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("•••• ") + card.right(4));
    for (int row = 0; row < table->rowCount(); ++row) {
        for (int column = 0; column < table->columnCount(); ++column)
            QVERIFY(!table->item(row, column)->text().contains(card.left(8)));
    }
    // The preview is the painted receipt: a narrow white column with ink on it.
    const QPixmap preview = m_dialog->previewLabel()->pixmap();
    QVERIFY(!preview.isNull());
    QVERIFY(preview.height() > preview.width());
    QVERIFY(m_dialog->filterField()->hasFocus());
}

void TestReceiptHistoryDialog::filterFindsByReceiptNumberAndCardDigits()
{
    QLineEdit* filter = m_dialog->filterField();
    QTest::keyClicks(filter, QString::number(m_sales.at(1)));
    QCOMPARE(m_dialog->visibleSales(), 1);
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(1));

    filter->clear();
    QTest::keyClicks(filter, DemoDataGenerator::cardNumberFor(42).right(4));
    QCOMPARE(m_dialog->visibleSales(), 1);
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(0));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("999999"));
    QCOMPARE(m_dialog->visibleSales(), 0);
    QCOMPARE(m_dialog->selectedSaleId(), 0);
    QVERIFY(m_dialog->previewLabel()->pixmap().isNull());
    QCOMPARE(m_dialog->previewLabel()->text(), QStringLiteral("No receipt matches."));
    // Enter with nothing chosen prints nothing.
    QTest::keyClick(filter, Qt::Key_Return);
    QVERIFY(m_dialog->statusText().contains(QStringLiteral("Choose a receipt first.")));
    QVERIFY(!QFile::exists(m_setup.filePath));

    QTest::keyClick(filter, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(filter, Qt::Key_Backspace);
    QCOMPARE(m_dialog->visibleSales(), 3);
}

void TestReceiptHistoryDialog::enterReprintsACopyToTheFilePrinter()
{
    QSignalSpy printed(m_printing.get(), &ReceiptPrintService::printed);
    QTest::keyClicks(m_dialog->filterField(), DemoDataGenerator::cardNumberFor(42).right(4));
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(0));
    QTest::keyClick(m_dialog->filterField(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, 10000);
    QCOMPARE(m_dialog->statusText(), QStringLiteral("✓ Copy of receipt %1 printed.").arg(m_sales.at(0)));
    QVERIFY(m_dialog->isVisible());  // the cashier may reprint another one

    const test::EscPosDocument receipt = test::EscPosDecoder::decode(printedBytes());
    QVERIFY2(receipt.error.isEmpty(), qPrintable(receipt.error));
    QVERIFY(receipt.initialised);
    const test::EscPosRow* copy = receipt.rowContaining(QStringLiteral("COPY"));
    QVERIFY2(copy, qPrintable(receipt.text()));
    QVERIFY(copy->bold);
    QVERIFY(receipt.hasRowContaining(QStringLiteral("Receipt %1").arg(m_sales.at(0))));
    QVERIFY(receipt.cut);
    QCOMPARE(receipt.bytesAfterCut, 0);
    QVERIFY(!receipt.text().contains(DemoDataGenerator::cardNumberFor(42)));
}

void TestReceiptHistoryDialog::arrowsInTheFindFieldChooseTheReceipt()
{
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(2));
    QTest::keyClick(m_dialog->filterField(), Qt::Key_Down);
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(1));
    QTest::keyClick(m_dialog->filterField(), Qt::Key_Down);
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(0));
    QTest::keyClick(m_dialog->filterField(), Qt::Key_Up);
    QCOMPARE(m_dialog->selectedSaleId(), m_sales.at(1));
    QVERIFY(m_dialog->filterField()->hasFocus());
    // Esc goes back to the sale.
    QTest::keyClick(m_dialog->filterField(), Qt::Key_Escape);
    QVERIFY(!m_dialog->isVisible());
}

void TestReceiptHistoryDialog::saveAsPdfWritesTheChosenReceipt()
{
    const QString path = m_dir->filePath(QStringLiteral("receipt.pdf"));
    QString suggested;
    m_dialog->setPdfPathChooser([&suggested, path](QWidget*, const QString& offered) {
        suggested = offered;
        return path;
    });
    QTest::keyClick(m_dialog->filterField(), Qt::Key_S, Qt::AltModifier);
    QTRY_VERIFY(!suggested.isEmpty());  // a mnemonic presses its button with a short animation
    QVERIFY2(suggested.endsWith(QStringLiteral("receipt-%1.pdf").arg(m_sales.at(2))), qPrintable(suggested));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(m_dialog->statusText().contains(QStringLiteral("saved")));
    QVERIFY(!QFile::exists(m_setup.filePath));  // saving is not printing
}

void TestReceiptHistoryDialog::everyControlHasAnAccessibleName()
{
    const auto widgets = m_dialog->findChildren<QWidget*>();
    int checked = 0;
    for (QWidget* widget : widgets) {
        if (qobject_cast<QPushButton*>(widget) || qobject_cast<QLineEdit*>(widget) ||
            qobject_cast<QTableWidget*>(widget)) {
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
            ++checked;
        }
    }
    QVERIFY(checked >= 6);
    QVERIFY(!m_dialog->filterField()->accessibleName().isEmpty());
    QVERIFY(!m_dialog->saleTable()->accessibleName().isEmpty());
    QVERIFY(!m_dialog->previewLabel()->accessibleName().isEmpty());
}

QTEST_MAIN(TestReceiptHistoryDialog)
#include "TestReceiptHistoryDialog.moc"
