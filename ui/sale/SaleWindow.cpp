#include "sale/SaleWindow.h"

#include "input/WedgeScanCapture.h"
#include "members/CardLifecycle.h"
#include "members/EnrolDialog.h"
#include "members/MemberCardsDialog.h"
#include "money/MoneyFormatter.h"
#include "sale/BasketModel.h"
#include "sale/KeyLegend.h"
#include "sale/MemberPanel.h"
#include "sale/MessageStrip.h"
#include "sale/SaleKeyFilter.h"
#include "sale/SaleSession.h"
#include "sale/TotalsBar.h"

#include <QApplication>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace loyalty {

SaleWindow::SaleWindow(SaleSession& session, Enrolment& enrolment, CardLifecycle& cards, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_enrolment(enrolment)
    , m_cards(cards)
    , m_basketModel(new BasketModel(session, this))
    , m_keyFilter(new SaleKeyFilter(this))
    , m_wedge(new WedgeScanCapture(this))
{
    // Scanner bursts are caught before any widget sees them, so a scan never lands in the wrong
    // field; typing by hand still reaches the focused field. Removed with m_wedge.
    qApp->installEventFilter(m_wedge);
    connect(m_wedge, &WedgeScanCapture::scanCaptured, this,
            [this](const QString& text) { acceptScan(text, CardSource::KeyboardWedge); });
    connect(m_wedge, &WedgeScanCapture::scanRejected, this, &SaleWindow::showRefusedRead);
    setObjectName(QStringLiteral("saleWindow"));
    setWindowTitle(tr("Loyalty Till — %1").arg(session.settings().tillName));

    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("saleCentral"));
    auto* grid = new QGridLayout(central);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    grid->addWidget(buildSalePane(), 0, 0);
    grid->addWidget(buildSidePane(), 0, 1);
    m_keyLegend = new KeyLegend(central);
    grid->addWidget(m_keyLegend, 1, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    setCentralWidget(central);

    connectActions();
    refresh();
    m_scanField->setFocus();
}

QWidget* SaleWindow::buildSalePane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("salePane"));
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(16, 16, 16, 0);
    layout->setSpacing(10);

    m_scanField = new QLineEdit(pane);
    m_scanField->setObjectName(QStringLiteral("scanLineEdit"));
    m_scanField->setPlaceholderText(tr("Scan or type a card number or product code, then Enter"));
    m_scanField->setAccessibleName(tr("Scan field"));
    m_scanField->setClearButtonEnabled(false);
    m_scanField->installEventFilter(m_keyFilter);
    layout->addWidget(m_scanField);

    m_messageStrip = new MessageStrip(pane);
    layout->addWidget(m_messageStrip);

    m_basketView = new QTableView(pane);
    m_basketView->setObjectName(QStringLiteral("basketTableView"));
    m_basketView->setAccessibleName(tr("Basket"));
    m_basketView->setModel(m_basketModel);
    m_basketView->setFocusPolicy(Qt::NoFocus);  // the scan field keeps the keyboard
    m_basketView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_basketView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_basketView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_basketView->setAlternatingRowColors(true);
    m_basketView->setShowGrid(false);
    m_basketView->setWordWrap(false);
    m_basketView->verticalHeader()->setVisible(false);
    m_basketView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_basketView->verticalHeader()->setDefaultSectionSize(44);
    auto* header = m_basketView->horizontalHeader();
    header->setSectionResizeMode(BasketModel::ProductColumn, QHeaderView::Stretch);
    for (int column : {int(BasketModel::QuantityColumn), int(BasketModel::PriceColumn), int(BasketModel::TotalColumn)})
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(110);
    header->setHighlightSections(false);
    layout->addWidget(m_basketView, 1);

    m_totalsBar = new TotalsBar(pane);
    layout->addWidget(m_totalsBar);
    return pane;
}

QPushButton* SaleWindow::makeActionButton(const QString& objectName, const QString& text, const QString& keyHint)
{
    auto* button = new QPushButton(keyHint.isEmpty() ? text : QStringLiteral("%1\n%2").arg(text, keyHint), this);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    button->setFocusPolicy(Qt::NoFocus);
    button->setMinimumHeight(56);
    return button;
}

QWidget* SaleWindow::buildSidePane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("sidePane"));
    pane->setFixedWidth(420);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 16, 16, 10);
    layout->setSpacing(10);

    m_memberPanel = new MemberPanel(pane);
    layout->addWidget(m_memberPanel, 1);

    m_minusButton = makeActionButton(QStringLiteral("minusButton"), tr("Qty −"), QStringLiteral("−"));
    m_plusButton = makeActionButton(QStringLiteral("plusButton"), tr("Qty +"), QStringLiteral("+"));
    m_removeButton = makeActionButton(QStringLiteral("removeButton"), tr("Remove"), tr("Del"));
    m_voidButton = makeActionButton(QStringLiteral("voidButton"), tr("Void"), QStringLiteral("F8"));
    m_completeButton = makeActionButton(QStringLiteral("completeButton"), tr("Complete sale"), QStringLiteral("F12"));
    m_completeButton->setMinimumHeight(72);
    m_enrolButton = makeActionButton(QStringLiteral("enrolButton"), tr("Enrol"), QStringLiteral("F9"));
    m_cardsButton = makeActionButton(QStringLiteral("cardsButton"), tr("Cards"), QStringLiteral("F7"));

    auto* buttons = new QGridLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_enrolButton, 0, 0);
    buttons->addWidget(m_cardsButton, 0, 1);
    buttons->addWidget(m_removeButton, 0, 2);
    buttons->addWidget(m_minusButton, 1, 0);
    buttons->addWidget(m_plusButton, 1, 1);
    buttons->addWidget(m_voidButton, 1, 2);
    buttons->addWidget(m_completeButton, 2, 0, 1, 3);
    layout->addLayout(buttons);
    return pane;
}

void SaleWindow::connectActions()
{
    connect(m_scanField, &QLineEdit::returnPressed, this, &SaleWindow::submitScan);
    connect(m_keyFilter, &SaleKeyFilter::completeRequested, this, &SaleWindow::completeSale);
    connect(m_keyFilter, &SaleKeyFilter::voidRequested, this, &SaleWindow::requestVoid);
    connect(m_keyFilter, &SaleKeyFilter::quantityChangeRequested, this, &SaleWindow::changeQuantity);
    connect(m_keyFilter, &SaleKeyFilter::removeLineRequested, this, &SaleWindow::removeSelectedLine);
    connect(m_keyFilter, &SaleKeyFilter::selectionMoveRequested, this, &SaleWindow::moveSelection);
    connect(m_keyFilter, &SaleKeyFilter::clearInputRequested, this, &SaleWindow::clearInput);
    connect(m_completeButton, &QPushButton::clicked, this, &SaleWindow::completeSale);
    connect(m_voidButton, &QPushButton::clicked, this, &SaleWindow::requestVoid);
    connect(m_plusButton, &QPushButton::clicked, this, [this] { changeQuantity(1); });
    connect(m_minusButton, &QPushButton::clicked, this, [this] { changeQuantity(-1); });
    connect(m_removeButton, &QPushButton::clicked, this, &SaleWindow::removeSelectedLine);
    connect(m_keyFilter, &SaleKeyFilter::enrolRequested, this, &SaleWindow::enrolMember);
    connect(m_keyFilter, &SaleKeyFilter::cardsRequested, this, &SaleWindow::manageCards);
    connect(m_enrolButton, &QPushButton::clicked, this, &SaleWindow::enrolMember);
    connect(m_cardsButton, &QPushButton::clicked, this, &SaleWindow::manageCards);
}

void SaleWindow::submitScan()
{
    const QString input = m_scanField->text();
    m_scanField->clear();
    handleSaleScan(input, CardSource::Typed);
}

void SaleWindow::acceptScan(const QString& text, CardSource source)
{
    QWidget* modal = QApplication::activeModalWidget();
    if (auto* enrol = qobject_cast<EnrolDialog*>(modal)) {
        enrol->acceptScan(text);
        return;
    }
    if (auto* cards = qobject_cast<MemberCardsDialog*>(modal)) {
        cards->acceptScan(text);
        return;
    }
    if (modal) {
        m_messageStrip->show(
            MessageStrip::Severity::Error,
            tr("A scan arrived while a dialog was open; it was ignored. Close the dialog and scan again."));
        return;
    }
    m_scanField->clear();
    handleSaleScan(text, source);
}

void SaleWindow::showRefusedRead(const QString& message)
{
    m_messageStrip->show(MessageStrip::Severity::Error, message);
}

void SaleWindow::showDeviceStatus(const QString& status)
{
    m_keyLegend->showDeviceStatus(status);
}

void SaleWindow::handleSaleScan(const QString& input, CardSource source)
{
    disarmVoid();
    showOutcome(m_session.scan(input, 1, source));
}

void SaleWindow::acceptDecodedRead(const Result<CardRead>& read)
{
    disarmVoid();
    if (!read) {
        m_messageStrip->show(MessageStrip::Severity::Error, read.error().message);
        return;
    }
    if (QApplication::activeModalWidget()) {
        acceptScan(read->identifier, read->source);
        return;
    }
    showOutcome(m_session.accept(*read));
}

void SaleWindow::showOutcome(const ScanOutcome& outcome)
{
    switch (outcome.kind) {
    case ScanOutcome::Kind::Ignored:
        return;
    case ScanOutcome::Kind::Refused:
        m_messageStrip->show(MessageStrip::Severity::Error, outcome.message);
        return;
    case ScanOutcome::Kind::MemberAttached:
        refresh();
        if (outcome.message.isEmpty())
            m_messageStrip->show(MessageStrip::Severity::Success,
                                 tr("Member %1 added to the sale.").arg(m_session.member()->member.name));
        else
            m_messageStrip->show(MessageStrip::Severity::Warning, outcome.message);
        return;
    case ScanOutcome::Kind::ProductAdded:
        refresh();
        selectRow(int(outcome.row));
        m_messageStrip->clear();
        return;
    }
}

void SaleWindow::completeSale()
{
    disarmVoid();
    const auto completed = m_session.complete();
    if (!completed) {
        m_messageStrip->show(MessageStrip::Severity::Error, completed.error().message);
        return;
    }
    refresh();
    const QString total = MoneyFormatter().format(completed->total);
    if (completed->memberId) {
        m_messageStrip->show(MessageStrip::Severity::Success, tr("Sale completed: %1. %2 earned %Ln point(s).", nullptr,
                                                                 int(completed->effects.pointsEarned()))
                                                                  .arg(total, completed->memberName));
    } else {
        m_messageStrip->show(MessageStrip::Severity::Success, tr("Sale completed: %1.").arg(total));
    }
    m_scanField->setFocus();
}

void SaleWindow::requestVoid()
{
    if (m_session.basket().isEmpty() && !m_session.member()) {
        disarmVoid();
        m_messageStrip->show(MessageStrip::Severity::Info, tr("There is no sale to void."));
        return;
    }
    if (!m_voidArmed) {
        m_voidArmed = true;
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             tr("Press F8 again to void this sale. Any other key keeps it."));
        return;
    }
    m_voidArmed = false;
    m_session.voidSale();
    refresh();
    m_messageStrip->show(MessageStrip::Severity::Info, tr("Sale voided. Nothing was saved."));
}

void SaleWindow::changeQuantity(int delta)
{
    disarmVoid();
    const int row = selectedRow();
    if (row < 0) {
        m_messageStrip->show(MessageStrip::Severity::Warning, tr("Select a line first (↑ ↓)."));
        return;
    }
    if (!m_session.changeQuantity(row, delta)) {
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             delta < 0 ? tr("The quantity cannot go below 1. Press Del to remove the line.")
                                       : tr("The quantity cannot go above %1.").arg(Basket::kMaxQuantity));
        return;
    }
    refresh();
    selectRow(row);
    m_messageStrip->clear();
}

void SaleWindow::removeSelectedLine()
{
    disarmVoid();
    const int row = selectedRow();
    if (row < 0) {
        m_messageStrip->show(MessageStrip::Severity::Warning, tr("Select a line first (↑ ↓)."));
        return;
    }
    const QString name = m_session.basket().lines().at(row).product.name;
    m_session.removeLine(row);
    refresh();
    selectRow(std::min(row, int(m_session.basket().lineCount()) - 1));
    m_messageStrip->show(MessageStrip::Severity::Info, tr("Removed %1.").arg(name));
}

void SaleWindow::moveSelection(int delta)
{
    disarmVoid();
    const int rows = m_basketModel->rowCount();
    if (rows == 0)
        return;
    const int current = selectedRow();
    selectRow(std::clamp(current < 0 ? rows - 1 : current + delta, 0, rows - 1));
}

void SaleWindow::clearInput()
{
    disarmVoid();
    m_scanField->clear();
    m_messageStrip->clear();
}

void SaleWindow::enrolMember()
{
    disarmVoid();
    EnrolDialog dialog(m_enrolment, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.enrolled()) {
        m_scanField->setFocus();
        return;
    }
    const CardHolder enrolled = *dialog.enrolled();
    m_session.scan(enrolled.cardNumber);
    refresh();
    m_messageStrip->show(
        MessageStrip::Severity::Success,
        tr("Welcome, %1! Enrolled with card %2.").arg(enrolled.member.name, enrolled.maskedCardNumber()));
}

void SaleWindow::manageCards()
{
    disarmVoid();
    if (!m_session.member()) {
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             tr("Scan the member's card first; then F7 shows their cards."));
        return;
    }
    MemberCardsDialog dialog(m_cards, m_session.member()->member, this);
    dialog.exec();
    keepSaleCardActive();
    refresh();
}

void SaleWindow::keepSaleCardActive()
{
    switch (m_session.recheckMemberCard()) {
    case SaleSession::CardCheck::Unchanged:
        return;
    case SaleSession::CardCheck::SwitchedCard:
        m_messageStrip->show(MessageStrip::Severity::Info,
                             tr("The sale continues with card %1.").arg(m_session.member()->maskedCardNumber()));
        return;
    case SaleSession::CardCheck::Voided:
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             tr("The member has no active card left; the sale was cleared. Scan the goods again."));
        return;
    }
}

void SaleWindow::refresh()
{
    m_basketModel->refresh();
    m_totalsBar->showSession(m_session);
    m_memberPanel->showSession(m_session);
    const auto queued = m_session.queuedEvents();
    m_keyLegend->showStatus(m_session.settings().tillName, queued ? *queued : 0);
    m_scanField->setFocus();
}

void SaleWindow::selectRow(int row)
{
    if (row < 0 || row >= m_basketModel->rowCount())
        return;
    m_basketView->selectRow(row);
    m_basketView->scrollTo(m_basketModel->index(row, 0));
}

int SaleWindow::selectedRow() const
{
    const auto rows = m_basketView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void SaleWindow::disarmVoid()
{
    m_voidArmed = false;
}

}  // namespace loyalty
