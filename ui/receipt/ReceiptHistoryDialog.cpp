#include "receipt/ReceiptHistoryDialog.h"

#include "money/MoneyFormatter.h"
#include "receipt/ReceiptPainter.h"
#include "receipt/ReceiptPrintService.h"
#include "sale/SaleHistory.h"
#include "store/Database.h"

#include <QAbstractButton>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPdfWriter>
#include <QPixmap>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loyalty {

namespace {

constexpr int kPreviewWidthPx = 340;
constexpr int kTouchHeightPx = 44;

QString shownTime(const QString& completedAt)
{
    const QDateTime time = QDateTime::fromString(completedAt, Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : completedAt;
}

}  // namespace

ReceiptHistoryDialog::ReceiptHistoryDialog(Database& database, ReceiptPrintService& printing, QWidget* parent)
    : QDialog(parent)
    , m_printing(printing)
    , m_filter(new QLineEdit(this))
    , m_sales(new QTableWidget(0, ColumnCount, this))
    , m_previewArea(new QScrollArea(this))
    , m_preview(new QLabel(this))
    , m_status(new QLabel(this))
    , m_reprintButton(new QPushButton(tr("&Reprint copy  Enter"), this))
    , m_previewButton(new QPushButton(tr("Print pre&view…"), this))
    , m_pdfButton(new QPushButton(tr("&Save as PDF…"), this))
    , m_choosePdfPath([](QWidget* owner, const QString& suggested) {
        return QFileDialog::getSaveFileName(owner, tr("Save receipt as PDF"), suggested, tr("PDF documents (*.pdf)"));
    })
{
    setObjectName(QStringLiteral("receiptHistoryDialog"));
    setWindowTitle(tr("Receipts of this till"));
    setMinimumSize(900, 600);

    auto* prompt = new QLabel(tr("&Find: receipt number or the card's last digits"), this);
    prompt->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("receiptFilterLineEdit"));
    m_filter->setAccessibleName(tr("Find a receipt"));
    m_filter->setAccessibleDescription(tr("Type a receipt number or the last digits of the customer's card."));
    m_filter->setPlaceholderText(tr("receipt number or last card digits"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumHeight(kTouchHeightPx);
    m_filter->installEventFilter(this);

    m_sales->setObjectName(QStringLiteral("receiptSalesTableWidget"));
    m_sales->setAccessibleName(tr("Recent sales, newest first"));
    m_sales->setHorizontalHeaderLabels({tr("Receipt"), tr("Time"), tr("Member"), tr("Card"), tr("Total")});
    m_sales->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sales->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sales->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sales->setTabKeyNavigation(false);
    m_sales->setAlternatingRowColors(true);
    m_sales->setShowGrid(false);
    m_sales->setWordWrap(false);
    m_sales->verticalHeader()->setVisible(false);
    m_sales->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_sales->verticalHeader()->setDefaultSectionSize(kTouchHeightPx);
    auto* header = m_sales->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MemberColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);

    m_preview->setObjectName(QStringLiteral("receiptPreviewLabel"));
    m_preview->setAccessibleName(tr("Receipt preview"));
    m_preview->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_previewArea->setObjectName(QStringLiteral("receiptPreviewScrollArea"));
    m_previewArea->setWidget(m_preview);
    m_previewArea->setWidgetResizable(true);
    m_previewArea->setMinimumWidth(kPreviewWidthPx + 30);
    m_previewArea->setFocusPolicy(Qt::NoFocus);

    m_status->setObjectName(QStringLiteral("receiptStatusLabel"));
    m_status->setAccessibleName(tr("Printing status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto* keys = new QLabel(
        tr("↑ ↓: choose a receipt · Enter: reprint a copy · Alt+V: print preview · Alt+S: save as PDF · Esc: back"),
        this);
    keys->setObjectName(QStringLiteral("receiptKeysLabel"));
    keys->setWordWrap(true);

    // Enter is handled in keyPressEvent (reprint, or the focused button), so no button is a default one.
    m_reprintButton->setObjectName(QStringLiteral("reprintButton"));
    m_previewButton->setObjectName(QStringLiteral("printPreviewButton"));
    m_pdfButton->setObjectName(QStringLiteral("savePdfButton"));
    m_reprintButton->setAccessibleName(tr("Reprint a copy of the receipt"));
    m_previewButton->setAccessibleName(tr("Print preview"));
    m_pdfButton->setAccessibleName(tr("Save the receipt as PDF"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_reprintButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_previewButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_pdfButton, QDialogButtonBox::ActionRole);
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setAccessibleName(tr("Back to the sale"));
    for (QAbstractButton* button : buttons->buttons()) {
        button->setMinimumHeight(kTouchHeightPx);
        if (auto* push = qobject_cast<QPushButton*>(button)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reprintButton, &QPushButton::clicked, this, &ReceiptHistoryDialog::reprint);
    connect(m_previewButton, &QPushButton::clicked, this, &ReceiptHistoryDialog::printPreview);
    connect(m_pdfButton, &QPushButton::clicked, this, &ReceiptHistoryDialog::saveAsPdf);
    connect(m_filter, &QLineEdit::textChanged, this, &ReceiptHistoryDialog::applyFilter);
    connect(m_sales, &QTableWidget::itemSelectionChanged, this, &ReceiptHistoryDialog::showPreview);
    connect(&m_printing, &ReceiptPrintService::printed, this, [this](const QString& text) { showStatus(text, false); });
    connect(&m_printing, &ReceiptPrintService::failed, this, [this](const QString& text) { showStatus(text, true); });

    auto* left = new QVBoxLayout;
    left->addWidget(prompt);
    left->addWidget(m_filter);
    left->addWidget(m_sales, 1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addWidget(m_previewArea, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(keys);
    layout->addWidget(buttons);

    loadSales(database);
    m_filter->setFocus();
}

void ReceiptHistoryDialog::loadSales(Database& database)
{
    const auto recent = SaleHistory(database.connection()).recent(kRecentSales);
    if (!recent) {
        showStatus(tr("The sales could not be read: %1").arg(recent.error().message), true);
        return;
    }
    m_history = *recent;
    const MoneyFormatter money;
    m_sales->setRowCount(int(m_history.size()));
    for (int row = 0; row < m_history.size(); ++row) {
        const SaleSummary& sale = m_history.at(row);
        const auto cell = [this, row](int column, const QString& text, Qt::Alignment alignment = Qt::AlignLeft) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(alignment | Qt::AlignVCenter);
            m_sales->setItem(row, column, item);
        };
        cell(NumberColumn, QString::number(sale.id), Qt::AlignRight);
        cell(TimeColumn, shownTime(sale.completedAt));
        cell(MemberColumn, sale.memberName.isEmpty() ? tr("no member") : sale.memberName);
        // Only the card's last four digits are ever shown, as on the receipt itself.
        cell(CardColumn, sale.cardNumber.isEmpty() ? QString() : QStringLiteral("•••• ") + sale.cardNumber.right(4));
        cell(TotalColumn, money.format(sale.total), Qt::AlignRight);
    }
    if (m_history.isEmpty())
        showStatus(tr("This till has no completed sales yet."), false);
    applyFilter();
}

void ReceiptHistoryDialog::applyFilter()
{
    const QString wanted = m_filter->text().trimmed();
    int firstVisible = -1;
    for (int row = 0; row < m_history.size(); ++row) {
        const SaleSummary& sale = m_history.at(row);
        const bool shown = wanted.isEmpty() || QString::number(sale.id).startsWith(wanted) ||
                           (!sale.cardNumber.isEmpty() && sale.cardNumber.endsWith(wanted));
        m_sales->setRowHidden(row, !shown);
        if (shown && firstVisible < 0)
            firstVisible = row;
    }
    const int current = m_sales->currentRow();
    if (current < 0 || m_sales->isRowHidden(current)) {
        if (firstVisible >= 0)
            m_sales->selectRow(firstVisible);
        else
            m_sales->clearSelection();
    }
    showPreview();
}

int ReceiptHistoryDialog::visibleSales() const
{
    int visible = 0;
    for (int row = 0; row < m_sales->rowCount(); ++row)
        visible += m_sales->isRowHidden(row) ? 0 : 1;
    return visible;
}

qint64 ReceiptHistoryDialog::selectedSaleId() const
{
    const QList<QTableWidgetItem*> selected = m_sales->selectedItems();
    if (selected.isEmpty())
        return 0;
    const int row = selected.first()->row();
    if (row < 0 || row >= m_history.size() || m_sales->isRowHidden(row))
        return 0;
    return m_history.at(row).id;
}

void ReceiptHistoryDialog::showPreview()
{
    const qint64 saleId = selectedSaleId();
    m_reprintButton->setEnabled(saleId != 0);
    m_previewButton->setEnabled(saleId != 0);
    m_pdfButton->setEnabled(saleId != 0);
    if (saleId == 0) {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(visibleSales() == 0 && !m_history.isEmpty() ? tr("No receipt matches.")
                                                                       : tr("No receipt chosen."));
        return;
    }
    const auto receipt = m_printing.receiptFor(saleId, true);
    if (!receipt) {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(receipt.error().message);
        return;
    }
    m_preview->setPixmap(
        QPixmap::fromImage(ReceiptPainter(*receipt, m_printing.setup().paperWidthMm).render(kPreviewWidthPx)));
    m_preview->setAccessibleDescription(tr("Copy of receipt %1").arg(saleId));
}

void ReceiptHistoryDialog::reprint()
{
    const qint64 saleId = selectedSaleId();
    if (saleId == 0) {
        showStatus(tr("Choose a receipt first."), true);
        return;
    }
    m_printing.printSale(saleId, true);
}

void ReceiptHistoryDialog::printPreview()
{
    const qint64 saleId = selectedSaleId();
    if (saleId == 0)
        return;
    const auto receipt = m_printing.receiptFor(saleId, true);
    if (!receipt) {
        showStatus(receipt.error().message, true);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    if (m_printing.setup().kind == PrinterSetup::Kind::System && !m_printing.setup().systemPrinter.isEmpty())
        printer.setPrinterName(m_printing.setup().systemPrinter);
    printer.setDocName(tr("Receipt %1").arg(saleId));
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Print preview of receipt %1").arg(saleId));
    preview.resize(size());  // as large as the history, so the page is readable without zooming first
    const ReceiptPainter painter(*receipt, m_printing.setup().paperWidthMm);
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [&painter](QPrinter* target) { (void)painter.paint(*target); });
    preview.exec();
}

void ReceiptHistoryDialog::saveAsPdf()
{
    const qint64 saleId = selectedSaleId();
    if (saleId == 0)
        return;
    const QString suggested = QDir::home().filePath(tr("receipt-%1.pdf").arg(saleId));
    const QString path = m_choosePdfPath(this, suggested);
    if (path.isEmpty())
        return;
    (void)saveSelectedAsPdf(path);
}

bool ReceiptHistoryDialog::saveSelectedAsPdf(const QString& path)
{
    const qint64 saleId = selectedSaleId();
    if (saleId == 0) {
        showStatus(tr("Choose a receipt first."), true);
        return false;
    }
    const auto receipt = m_printing.receiptFor(saleId, true);
    if (!receipt) {
        showStatus(receipt.error().message, true);
        return false;
    }
    int pages = 0;
    {
        QPdfWriter writer(path);
        writer.setTitle(tr("Receipt %1").arg(saleId));
        writer.setCreator(QCoreApplication::applicationName());
        pages = ReceiptPainter(*receipt, m_printing.setup().paperWidthMm).paintOnRoll(writer);
    }
    if (pages == 0) {
        showStatus(tr("The PDF could not be written to %1.").arg(QDir::toNativeSeparators(path)), true);
        return false;
    }
    showStatus(tr("Receipt %1 saved as %2.").arg(saleId).arg(QDir::toNativeSeparators(path)), false);
    return true;
}

QString ReceiptHistoryDialog::statusText() const
{
    return m_status->text();
}

void ReceiptHistoryDialog::showStatus(const QString& text, bool problem)
{
    // A symbol as well as the words, so the outcome never rests on colour.
    m_status->setText((problem ? QStringLiteral("⚠ ") : QStringLiteral("✓ ")) + text);
}

void ReceiptHistoryDialog::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (auto* button = qobject_cast<QAbstractButton*>(focusWidget())) {
            button->click();
        } else {
            reprint();
        }
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

bool ReceiptHistoryDialog::eventFilter(QObject* watched, QEvent* event)
{
    // The arrows move through the list while the cursor stays in the find field.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_PageUp || key == Qt::Key_PageDown) {
            QCoreApplication::sendEvent(m_sales, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

}  // namespace loyalty
