#include "returns/ReturnDialog.h"

#include "account/ReturnService.h"
#include "account/StoredTime.h"
#include "money/MoneyFormatter.h"
#include "sale/MessageStrip.h"
#include "store/Database.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace loyalty {

namespace {
enum Column
{
    ProductColumn,
    BoughtColumn,
    ReturnedColumn,
    ReturnColumn,
    RefundColumn,
    ColumnCount
};

QTableWidgetItem* readOnlyItem(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    item->setTextAlignment(alignment);
    return item;
}
}  // namespace

ReturnDialog::ReturnDialog(Database& database, const Clock& clock, QString tillId, const Programme& programme,
                           QWidget* parent)
    : QDialog(parent)
    , m_database(database)
    , m_clock(clock)
    , m_tillId(std::move(tillId))
    , m_programme(programme)
    , m_receipt(new QLineEdit(this))
    , m_sale(new QLabel(this))
    , m_lines(new QTableWidget(0, ColumnCount, this))
    , m_preview(new QLabel(this))
    , m_message(new MessageStrip(this))
    , m_findButton(new QPushButton(tr("&Find sale"), this))
    , m_returnButton(new QPushButton(tr("&Return items"), this))
{
    setObjectName(QStringLiteral("returnDialog"));
    setWindowTitle(tr("Return items of a sale"));
    setMinimumSize(820, 680);

    auto* prompt = new QLabel(tr("&Receipt: scan its code or type the sale number, then Enter."), this);
    prompt->setBuddy(m_receipt);
    m_receipt->setObjectName(QStringLiteral("receiptLineEdit"));
    m_receipt->setAccessibleName(tr("Receipt number"));
    m_receipt->setPlaceholderText(tr("sale number or receipt code"));
    m_sale->setObjectName(QStringLiteral("returnSaleLabel"));
    m_sale->setWordWrap(true);
    m_sale->setTextFormat(Qt::PlainText);
    m_sale->setText(tr("No sale chosen yet."));

    m_lines->setObjectName(QStringLiteral("returnLinesTableWidget"));
    m_lines->setAccessibleName(tr("Items of the sale"));
    m_lines->setHorizontalHeaderLabels(
        {tr("Product"), tr("Bought"), tr("Returned before"), tr("Return now"), tr("Refund")});
    m_lines->setSelectionMode(QAbstractItemView::NoSelection);
    m_lines->setFocusPolicy(Qt::NoFocus);  // the spin boxes take the keyboard, row by row with Tab
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setTabKeyNavigation(false);  // Tab goes to the next line's quantity box, not to a cell
    m_lines->setAlternatingRowColors(true);
    m_lines->setShowGrid(false);
    m_lines->setWordWrap(false);
    m_lines->verticalHeader()->setVisible(false);
    m_lines->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_lines->verticalHeader()->setDefaultSectionSize(48);
    m_lines->setMinimumHeight(4 * 48 + 32);  // four lines and the header without scrolling
    auto* header = m_lines->horizontalHeader();
    header->setSectionResizeMode(ProductColumn, QHeaderView::Stretch);
    for (int column : {int(BoughtColumn), int(ReturnedColumn), int(ReturnColumn), int(RefundColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setHighlightSections(false);

    m_preview->setObjectName(QStringLiteral("refundPreviewLabel"));
    m_preview->setTextFormat(Qt::PlainText);
    // Read at arm's length like the basket: the products as large as its lines, the refund larger.
    m_preview->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: 700;"));
    m_lines->setStyleSheet(QStringLiteral("QTableWidget { font-size: 15pt; }"));

    auto* keys = new QLabel(tr("Tab / Shift+Tab: next / previous item · ↑ ↓ or type: how many · Enter: return · "
                               "Esc: back to the sale"),
                            this);
    keys->setObjectName(QStringLiteral("returnKeysLabel"));
    keys->setWordWrap(true);

    // Enter is handled in keyPressEvent (find in the receipt field, return elsewhere), so no button
    // is a default one that Enter would press behind the cashier's back.
    m_findButton->setObjectName(QStringLiteral("findSaleButton"));
    m_returnButton->setObjectName(QStringLiteral("confirmReturnButton"));
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_findButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_returnButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    for (QAbstractButton* button : buttons->buttons()) {
        button->setMinimumHeight(44);
        if (auto* push = qobject_cast<QPushButton*>(button)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    m_returnButton->setEnabled(false);
    connect(m_findButton, &QPushButton::clicked, this, &ReturnDialog::loadReceipt);
    connect(m_returnButton, &QPushButton::clicked, this, &ReturnDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(prompt);
    layout->addWidget(m_receipt);
    layout->addWidget(m_sale);
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_preview);
    layout->addWidget(m_message);
    layout->addWidget(keys);
    layout->addWidget(buttons);
    updatePreview();
    m_receipt->setFocus();
}

void ReturnDialog::acceptScan(const QString& code)
{
    m_receipt->setText(code.trimmed());
    loadReceipt();
}

QSpinBox* ReturnDialog::quantityBox(int row) const
{
    return qobject_cast<QSpinBox*>(m_lines->cellWidget(row, ReturnColumn));
}

void ReturnDialog::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (m_receipt->hasFocus() || !m_loaded)
            loadReceipt();
        else
            confirm();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void ReturnDialog::loadReceipt()
{
    auto loaded = ReturnableSale::load(m_database.connection(), m_receipt->text());
    if (!loaded) {
        m_message->show(MessageStrip::Severity::Error, loaded.error().message);
        m_receipt->selectAll();
        m_receipt->setFocus();
        return;
    }
    m_loaded = std::move(loaded).value();
    showSale();
    if (m_loaded->itemsLeft() == 0) {
        m_message->show(
            MessageStrip::Severity::Warning,
            tr("Everything on sale %1 has already been returned. Nothing is left to take back.").arg(m_loaded->id));
        m_receipt->selectAll();
        m_receipt->setFocus();
        return;
    }
    m_message->show(MessageStrip::Severity::Info,
                    tr("Set how many of each item come back, then Enter. Items already returned cannot come "
                       "back again."));
    focusFirstOpenLine();
}

void ReturnDialog::showSale()
{
    const QLocale locale;
    const MoneyFormatter money(locale);
    const ReturnableSale& sale = *m_loaded;
    const QString when =
        locale.toString(StoredTime::parseInstant(sale.completedAt).toLocalTime(), QLocale::ShortFormat);
    //: %1 sale number, %2 date and time, %3 total
    QString text = tr("Sale %1 · %2 · total %3").arg(sale.id).arg(when, money.format(sale.total));
    if (sale.memberId) {
        //: %1 the member's name, %2 the masked card number
        text += QStringLiteral("\n") + tr("Member %1, card %2").arg(sale.memberName, sale.maskedCardNumber);
    } else {
        text += QStringLiteral("\n") + tr("No member card on this sale: the refund only.");
    }
    m_sale->setText(text);

    m_lines->setRowCount(int(sale.lines.size()));
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    for (int row = 0; row < sale.lines.size(); ++row) {
        const ReturnableLine& line = sale.lines.at(row);
        m_lines->setItem(row, ProductColumn, readOnlyItem(line.name));
        m_lines->setItem(row, BoughtColumn, readOnlyItem(locale.toString(line.quantity), right));
        m_lines->setItem(row, ReturnedColumn, readOnlyItem(locale.toString(line.returned), right));
        m_lines->setItem(row, RefundColumn, readOnlyItem(QString(), right));
        auto* box = new QSpinBox(m_lines);
        box->setObjectName(QStringLiteral("returnQuantitySpinBox%1").arg(row));
        //: %1 the product's name
        box->setAccessibleName(tr("Return how many of %1").arg(line.name));
        box->setRange(0, int(std::min<qint64>(line.left(), 9999)));
        box->setEnabled(line.left() > 0);
        box->setAlignment(Qt::AlignRight);
        box->setMinimumWidth(110);
        if (line.left() == 0)
            box->setSpecialValueText(tr("all back"));
        connect(box, &QSpinBox::valueChanged, this, &ReturnDialog::updatePreview);
        m_lines->setCellWidget(row, ReturnColumn, box);
    }
    updatePreview();
}

void ReturnDialog::focusFirstOpenLine()
{
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        if (QSpinBox* box = quantityBox(row); box && box->isEnabled()) {
            box->setFocus();
            box->selectAll();
            return;
        }
    }
}

qint64 ReturnDialog::refundPreviewMinor() const
{
    if (!m_loaded)
        return 0;
    qint64 refund = 0;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        if (const QSpinBox* box = quantityBox(row))
            refund += m_loaded->refundPreviewMinor(row, box->value());
    }
    return refund;
}

QString ReturnDialog::refundPreviewText() const
{
    return m_preview->text();
}

void ReturnDialog::updatePreview()
{
    if (!m_loaded) {
        m_preview->setText(tr("Refund: —"));
        m_returnButton->setEnabled(false);
        return;
    }
    const MoneyFormatter money;
    qint64 items = 0;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const QSpinBox* box = quantityBox(row);
        const qint64 quantity = box ? box->value() : 0;
        items += quantity;
        const qint64 refund = m_loaded->refundPreviewMinor(row, quantity);
        m_lines->item(row, RefundColumn)
            ->setText(quantity > 0 ? money.format(Money(refund, m_loaded->total.currency())) : QString());
    }
    //: %1 the amount, %n the number of items
    m_preview->setText(tr("Refund: %1 for %n item(s)", nullptr, int(std::min<qint64>(items, 1000000)))
                           .arg(money.format(Money(refundPreviewMinor(), m_loaded->total.currency()))));
    m_returnButton->setEnabled(items > 0);
}

void ReturnDialog::confirm()
{
    if (!m_loaded) {
        loadReceipt();
        return;
    }
    QList<ReturnLineRequest> requests;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        if (const QSpinBox* box = quantityBox(row); box && box->value() > 0)
            requests.append({m_loaded->lines.at(row).lineNo, box->value()});
    }
    if (requests.isEmpty()) {
        m_message->show(MessageStrip::Severity::Warning,
                        tr("Choose how many items come back (↑ or type a number), then Enter; Esc goes back to "
                           "the sale."));
        focusFirstOpenLine();
        return;
    }
    ReturnService service(m_database.connection(), m_clock, m_tillId);
    auto booked = service.returnLines(m_loaded->id, requests, m_programme);
    if (!booked) {
        m_message->show(MessageStrip::Severity::Error, booked.error().message);
        return;
    }
    m_completed = std::move(booked).value();
    accept();
}

}  // namespace loyalty
