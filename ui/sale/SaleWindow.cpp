#include "sale/SaleWindow.h"

#include "input/WedgeScanCapture.h"
#include "loyalty/CouponDialog.h"
#include "loyalty/IdentityCheckDialog.h"
#include "loyalty/RedeemPointsDialog.h"
#include "loyalty/RewardPickerDialog.h"
#include "loyalty/WalletSpendDialog.h"
#include "members/CardLifecycle.h"
#include "members/EnrolDialog.h"
#include "members/MemberCardsDialog.h"
#include "money/MoneyFormatter.h"
#include "returns/ReturnDialog.h"
#include "sale/BasketModel.h"
#include "sale/EffectsPanel.h"
#include "sale/KeyLegend.h"
#include "sale/MemberPanel.h"
#include "sale/MessageStrip.h"
#include "sale/SaleKeyFilter.h"
#include "sale/SaleSession.h"
#include "sale/TotalsBar.h"
#include "style/TillStyle.h"

#include <QApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

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
    // The staff keys sit beside the scan field, so signing in costs the sale screen no height.
    m_managerButton = makeActionButton(QStringLiteral("managerButton"), tr("Manager"), QStringLiteral("F10"));
    m_signOutButton = makeActionButton(QStringLiteral("signOutButton"), tr("Sign out"), QStringLiteral("F1"));
    m_managerButton->hide();  // only with staff accounts (enableStaff)
    m_signOutButton->hide();
    auto* scanRow = new QHBoxLayout;
    scanRow->setSpacing(6);
    scanRow->addWidget(m_scanField, 1);
    scanRow->addWidget(m_managerButton);
    scanRow->addWidget(m_signOutButton);
    layout->addLayout(scanRow);

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

    m_effectsPanel = new EffectsPanel(m_session, pane);
    layout->addWidget(m_effectsPanel);

    m_totalsBar = new TotalsBar(pane);
    layout->addWidget(m_totalsBar);
    return pane;
}

QPushButton* SaleWindow::makeActionButton(const QString& objectName, const QString& text, const QString& keyHint)
{
    auto* button = new QPushButton(keyHint.isEmpty() ? text : QStringLiteral("%1\n%2").arg(text, keyHint), this);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    if (!keyHint.isEmpty()) {
        //: the accessible description of a sale screen button, %1 its key ("F12")
        button->setAccessibleDescription(tr("Key %1").arg(keyHint));
        button->setToolTip(tr("Key %1").arg(keyHint));
    }
    // The scan field keeps the keyboard: every button has its key, so none needs the focus.
    button->setFocusPolicy(Qt::NoFocus);
    button->setMinimumHeight(52);
    button->setProperty("baseMinimumHeight", 52);
    return button;
}

QWidget* SaleWindow::buildSidePane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("sidePane"));
    m_sidePane = pane;
    fitSidePane();
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 16, 16, 10);
    layout->setSpacing(10);

    m_memberPanel = new MemberPanel(pane);
    layout->addWidget(m_memberPanel, 1);

    m_couponButton = makeActionButton(QStringLiteral("couponButton"), tr("Coupon"), QStringLiteral("F6"));
    m_redeemButton = makeActionButton(QStringLiteral("redeemButton"), tr("Points"), QStringLiteral("F4"));
    m_rewardButton = makeActionButton(QStringLiteral("rewardButton"), tr("Reward"), QStringLiteral("F3"));
    m_walletButton = makeActionButton(QStringLiteral("walletButton"), tr("Wallet"), QStringLiteral("F2"));
    m_clearRequestsButton =
        makeActionButton(QStringLiteral("clearRequestsButton"), tr("Undo loyalty"), QStringLiteral("F5"));
    m_minusButton = makeActionButton(QStringLiteral("minusButton"), tr("Qty −"), QStringLiteral("−"));
    m_plusButton = makeActionButton(QStringLiteral("plusButton"), tr("Qty +"), QStringLiteral("+"));
    m_removeButton = makeActionButton(QStringLiteral("removeButton"), tr("Remove"), tr("Del"));
    m_voidButton = makeActionButton(QStringLiteral("voidButton"), tr("Void"), QStringLiteral("F8"));
    m_completeButton = makeActionButton(QStringLiteral("completeButton"), tr("Complete sale"), QStringLiteral("F12"));
    m_completeButton->setMinimumHeight(64);
    m_completeButton->setProperty("baseMinimumHeight", 64);
    m_enrolButton = makeActionButton(QStringLiteral("enrolButton"), tr("Enrol"), QStringLiteral("F9"));
    m_cardsButton = makeActionButton(QStringLiteral("cardsButton"), tr("Cards"), QStringLiteral("F7"));
    m_returnButton = makeActionButton(QStringLiteral("returnButton"), tr("Return"), QStringLiteral("F11"));
    m_receiptsButton = makeActionButton(QStringLiteral("receiptsButton"), tr("Receipts"), tr("Ctrl+P"));

    // The buttons scroll rather than squeeze: at a large font scale on a 1366×768 till two-line labels
    // must keep their height (a cut label is worse than a scroll bar on this pane alone).
    auto* scroller = new QScrollArea(pane);
    scroller->setObjectName(QStringLiteral("actionButtonsScrollArea"));
    scroller->setFrameShape(QFrame::NoFrame);
    scroller->setWidgetResizable(true);
    scroller->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroller->setFocusPolicy(Qt::NoFocus);
    auto* buttonsHolder = new QWidget(scroller);
    buttonsHolder->setObjectName(QStringLiteral("actionButtons"));
    auto* buttons = new QGridLayout(buttonsHolder);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(6);
    // Three equal columns: wide enough for a German label in large type on a touch screen.
    const QList<QList<QPushButton*>> rows{{m_couponButton, m_redeemButton, m_rewardButton},
                                          {m_walletButton, m_clearRequestsButton, m_returnButton},
                                          {m_enrolButton, m_cardsButton, m_voidButton},
                                          {m_minusButton, m_plusButton, m_removeButton}};
    for (const auto& row : rows)
        m_actionButtons += row;
    m_actionGrid = buttons;
    m_actionScroller = scroller;
    // The scroll bar coming or going changes the room for the columns.
    connect(scroller->verticalScrollBar(), &QScrollBar::rangeChanged, this, &SaleWindow::fitSidePane,
            Qt::QueuedConnection);
    // Receipts beside Complete, outside the scrolling part: Complete is always in sight.
    auto* finish = new QGridLayout;
    finish->setSpacing(6);
    finish->addWidget(m_completeButton, 0, 0, 1, 2);
    finish->addWidget(m_receiptsButton, 0, 2);
    for (int column = 0; column < 3; ++column)
        finish->setColumnStretch(column, 1);
    m_receiptsButton->setMinimumHeight(64);
    m_receiptsButton->setProperty("baseMinimumHeight", 64);
    scroller->setWidget(buttonsHolder);
    // As tall as the buttons want when there is room; the member panel gives way first.
    scroller->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    scroller->setMinimumHeight(0);
    layout->addWidget(scroller);
    layout->addLayout(finish);
    fitSidePane();  // the buttons' minimums, now that they exist
    return pane;
}

void SaleWindow::fitSidePane()
{
    // 420 px at 100 %: three German button labels side by side; wider with a larger font scale.
    // Never more than 40 % of the screen, so the sale pane keeps the rest on a 1366 px till at 150 %.
    const int wanted = 420 * std::max(100, TillStyle::current().fontScalePercent) / 100;
    // The till window's width once it is shown (inside the shell it is the shell's), else the screen's.
    const QScreen* screen = m_sidePane->screen() ? m_sidePane->screen() : QGuiApplication::primaryScreen();
    const int available =
        window()->isVisible() ? window()->width() : (screen ? screen->availableGeometry().width() : 1366);
    m_sidePane->setFixedWidth(std::max(420, std::min(wanted, available * 40 / 100)));
    // A button's minimum is its base or what its two-line label needs at the current type and style (its
    // size hint), whichever is more, so the layout never squeezes a label (the buttons scroll instead).
    for (QPushButton* button : m_sidePane->findChildren<QPushButton*>()) {
        const int base = button->property("baseMinimumHeight").toInt();
        if (base > 0)
            button->setMinimumHeight(std::max(base, button->sizeHint().height()));
    }
    if (!m_actionGrid)
        return;
    // Three columns when three of the widest label fit beside the scroll bar, else two, else one.
    int widest = 0;
    // The widest label line plus a little room for the border (the size hint's extra width is not needed).
    for (const QPushButton* button : std::as_const(m_actionButtons)) {
        for (const QString& line : button->text().split(QLatin1Char('\n')))
            widest = std::max(widest, button->fontMetrics().horizontalAdvance(line) + 8);
    }
    const int spacing = m_actionGrid->horizontalSpacing();
    const int height = window()->isVisible() ? window()->height() : 768;
    // The pane's right margin is not for buttons, and neither is the scroll bar (as wide as the sheet makes
    // it) when the buttons need one. Whether they do is decided for the columns that fit without it, never
    // from the bar's current state: two columns that scroll would otherwise keep the bar, and with it too
    // little room for three, for good.
    const int room = m_sidePane->width() - 16;
    const auto columnsFor = [&](int width) {
        return std::clamp((width + spacing) / std::max(1, widest + spacing), 1, 3);
    };
    int columns = columnsFor(room);
    // At most 40 % of the window's height for the buttons (the member panel needs the rest): the sale
    // window inside the shell is about 720 px tall on a 768 px till, and four rows of buttons in bold
    // high-contrast type need about 250 px, which a third (240 px) would cut.
    const int buttonsMax = height * 40 / 100;
    if (actionButtonsHeight(columns) > buttonsMax)
        columns = columnsFor(room - m_actionScroller->verticalScrollBar()->sizeHint().width());
    if (columns != m_actionColumns) {
        m_actionColumns = columns;
        for (QPushButton* button : std::as_const(m_actionButtons))
            m_actionGrid->removeWidget(button);
        for (int column = 0; column < 3; ++column)
            m_actionGrid->setColumnStretch(column, column < columns ? 1 : 0);
        for (int index = 0; index < m_actionButtons.size(); ++index)
            m_actionGrid->addWidget(m_actionButtons[index], index / columns, index % columns);
    }
    // All the buttons without scrolling while they take at most 40 % of the window's height; the member
    // panel gives way to them first.
    m_actionScroller->setMinimumHeight(std::min(actionButtonsHeight(columns), buttonsMax));
}

int SaleWindow::actionButtonsHeight(int columns) const
{
    const int rows = int((m_actionButtons.size() + columns - 1) / columns);
    int content = m_actionGrid->verticalSpacing() * (rows - 1);
    for (qsizetype index = 0; index < m_actionButtons.size(); index += columns)
        content += std::max(m_actionButtons[index]->minimumHeight(), m_actionButtons[index]->sizeHint().height());
    return content;
}

bool SaleWindow::event(QEvent* event)
{
    if ((event->type() == QEvent::ApplicationFontChange || event->type() == QEvent::FontChange ||
         event->type() == QEvent::StyleChange || event->type() == QEvent::Show || event->type() == QEvent::Resize) &&
        m_sidePane) {
        fitSidePane();
        // Again once the new sheet has reached the buttons (they are polished after the window).
        QMetaObject::invokeMethod(this, &SaleWindow::fitSidePane, Qt::QueuedConnection);
    }
    return QMainWindow::event(event);
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
    connect(m_keyFilter, &SaleKeyFilter::returnRequested, this, &SaleWindow::takeReturn);
    connect(m_returnButton, &QPushButton::clicked, this, &SaleWindow::takeReturn);
    connect(m_keyFilter, &SaleKeyFilter::couponRequested, this, &SaleWindow::applyCoupon);
    connect(m_keyFilter, &SaleKeyFilter::redeemPointsRequested, this, &SaleWindow::redeemPoints);
    connect(m_keyFilter, &SaleKeyFilter::rewardRequested, this, &SaleWindow::takeReward);
    connect(m_keyFilter, &SaleKeyFilter::walletRequested, this, &SaleWindow::spendWallet);
    connect(m_keyFilter, &SaleKeyFilter::clearRequestsRequested, this, &SaleWindow::clearRequests);
    connect(m_couponButton, &QPushButton::clicked, this, &SaleWindow::applyCoupon);
    connect(m_redeemButton, &QPushButton::clicked, this, &SaleWindow::redeemPoints);
    connect(m_rewardButton, &QPushButton::clicked, this, &SaleWindow::takeReward);
    connect(m_walletButton, &QPushButton::clicked, this, &SaleWindow::spendWallet);
    connect(m_clearRequestsButton, &QPushButton::clicked, this, &SaleWindow::clearRequests);
    connect(m_keyFilter, &SaleKeyFilter::managerRequested, this, &SaleWindow::requestManagerScreens);
    connect(m_keyFilter, &SaleKeyFilter::signOutRequested, this, &SaleWindow::requestSignOut);
    connect(m_managerButton, &QPushButton::clicked, this, &SaleWindow::requestManagerScreens);
    connect(m_signOutButton, &QPushButton::clicked, this, &SaleWindow::requestSignOut);
    connect(m_keyFilter, &SaleKeyFilter::receiptsRequested, this, &SaleWindow::requestReceipts);
    connect(m_receiptsButton, &QPushButton::clicked, this, &SaleWindow::requestReceipts);
}

void SaleWindow::requestReceipts()
{
    disarmVoid();
    Q_EMIT receiptsRequested();
}

void SaleWindow::enableStaff(const QString& signedIn)
{
    m_staffEnabled = true;
    m_managerButton->show();
    m_signOutButton->show();
    m_keyLegend->setStaffKeysVisible(true);
    m_keyLegend->showStaff(signedIn);
}

bool SaleWindow::saleInProgress() const
{
    return !m_session.basket().isEmpty() || m_session.member().has_value();
}

void SaleWindow::setScanDiverter(std::function<bool(const QString&)> diverter)
{
    m_scanDiverter = std::move(diverter);
}

void SaleWindow::resumeSale()
{
    refresh();
}

void SaleWindow::requestManagerScreens()
{
    disarmVoid();
    if (!m_staffEnabled) {
        m_messageStrip->show(MessageStrip::Severity::Error, tr("Manager screens are not set up on this till."));
        return;
    }
    Q_EMIT managerScreensRequested();
}

void SaleWindow::requestSignOut()
{
    disarmVoid();
    if (!m_staffEnabled) {
        m_messageStrip->show(MessageStrip::Severity::Info, tr("This till has no sign-in."));
        return;
    }
    if (saleInProgress()) {
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             tr("Finish or void the sale first (F12 or F8), then sign out (F1)."));
        return;
    }
    Q_EMIT signOutRequested();
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
    // Dialogs of other screens that take scans say so (the manager's card replacement).
    if (modal && modal->property("expectsScan").toBool()) {
        QMetaObject::invokeMethod(modal, "acceptScan", Q_ARG(QString, text));
        return;
    }
    if (auto* enrol = qobject_cast<EnrolDialog*>(modal)) {
        enrol->acceptScan(text);
        return;
    }
    if (auto* cards = qobject_cast<MemberCardsDialog*>(modal)) {
        cards->acceptScan(text);
        return;
    }
    if (auto* coupon = qobject_cast<CouponDialog*>(modal)) {
        coupon->acceptScan(text);
        return;
    }
    if (auto* returns = qobject_cast<ReturnDialog*>(modal)) {
        returns->acceptScan(text);
        return;
    }
    // Behind the sign-in, the lock or the manager screens a scan is theirs, never the sale's.
    if (!modal && m_scanDiverter && m_scanDiverter(text))
        return;
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

void SaleWindow::showSyncStatus(const sync::SyncStatus& status)
{
    m_keyLegend->showSyncStatus(status);
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
    if (m_scanDiverter && m_scanDiverter(read->identifier))
        return;
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
    if (m_session.identityCheckNeeded() && !confirmIdentity())
        return;
    const auto completed = m_session.complete();
    if (!completed) {
        m_messageStrip->show(MessageStrip::Severity::Error, completed.error().message);
        return;
    }
    refresh();
    Q_EMIT saleCompleted();
    const bool discounted =
        completed->effects.payable.currency() == completed->total.currency() && !completed->effects.discount.isZero();
    const QString total = MoneyFormatter().format(discounted ? completed->effects.payable : completed->total);
    if (completed->memberId) {
        m_messageStrip->show(MessageStrip::Severity::Success, tr("Sale completed: %1. %2 earned %Ln point(s).", nullptr,
                                                                 int(completed->effects.pointsEarned()))
                                                                  .arg(total, completed->memberName));
    } else {
        m_messageStrip->show(MessageStrip::Severity::Success, tr("Sale completed: %1.").arg(total));
    }
    m_scanField->setFocus();
}

bool SaleWindow::confirmIdentity()
{
    IdentityCheckDialog dialog(m_session.member()->member.name, this);
    if (dialog.exec() != QDialog::Accepted) {
        refresh();
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             tr("Not completed: confirm the date of birth, or take the points and wallet off the "
                                "sale (F5)."));
        return false;
    }
    refresh();
    if (auto confirmed = m_session.confirmIdentity(dialog.birthDate()); !confirmed) {
        m_messageStrip->show(MessageStrip::Severity::Error, confirmed.error().message);
        return false;
    }
    return true;
}

void SaleWindow::requestVoid()
{
    if (m_session.basket().isEmpty() && !m_session.member()) {
        disarmVoid();
        m_messageStrip->show(MessageStrip::Severity::Info, tr("There is no sale to void."));
        return;
    }
    if (!m_voidArmed) {
        setVoidArmed(true);
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             tr("Press F8 again to void this sale. Any other key keeps it."));
        return;
    }
    setVoidArmed(false);
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

void SaleWindow::enableReturns(Database& database, const Clock& clock)
{
    m_returnsDatabase = &database;
    m_returnsClock = &clock;
}

void SaleWindow::takeReturn()
{
    disarmVoid();
    if (!m_returnsDatabase || !m_returnsClock) {
        m_messageStrip->show(MessageStrip::Severity::Error, tr("Returns are not set up on this till."));
        return;
    }
    // A return is its own transaction: mixing it into a sale in progress would confuse the refund.
    if (!m_session.basket().isEmpty()) {
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             tr("Finish or void the current sale first (F12 or F8), then F11 for a return."));
        return;
    }
    // A card scanned out of habit before a return: the return finds its member from the receipt,
    // and the panel must not keep showing the balance from before.
    if (m_session.member())
        m_session.voidSale();
    ReturnDialog dialog(*m_returnsDatabase, *m_returnsClock, m_session.settings().tillId,
                        m_session.engine().programme(), this);
    const bool booked = dialog.exec() == QDialog::Accepted && dialog.completed();
    refresh();
    if (!booked)
        return;
    const CompletedReturn& done = *dialog.completed();
    const QLocale locale;
    //: %1 the money to hand back, %2 the sale's number
    QString text =
        tr("Give back %1 (return from sale %2).").arg(MoneyFormatter(locale).format(done.refund)).arg(done.saleId);
    QStringList reversed;
    for (const ReversedEffect& effect : done.reversed)
        reversed << effect.explanation;
    if (!reversed.isEmpty())
        text += QLatin1Char(' ') + tr("Taken back: %1.").arg(reversed.join(QStringLiteral("; ")));
    if (done.memberId)
        text += QLatin1Char(' ') + tr("Points balance now %1.").arg(locale.toString(done.pointsBalance));
    m_messageStrip->show(MessageStrip::Severity::Success, text);
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

bool SaleWindow::requireMember(const QString& action)
{
    if (m_session.member() && m_session.standing())
        return true;
    //: %1 is what the cashier wanted to do, e.g. "redeem points"
    m_messageStrip->show(MessageStrip::Severity::Warning, tr("Scan the customer's card first, then %1.").arg(action));
    m_scanField->setFocus();
    return false;
}

qint64 SaleWindow::grantedFor(const QString& ruleId, qint64 wanted, bool wallet)
{
    const SaleOptions before = m_session.options();
    if (wallet)
        m_session.setWalletSpend(wanted);
    else
        m_session.setRedeemPoints(wanted);
    qint64 granted = 0;
    for (const Effect& effect : m_session.effects().effects) {
        if (effect.ruleId == ruleId)
            granted += effect.amount;
    }
    if (wallet)
        m_session.setWalletSpend(before.walletSpendMinor);
    else
        m_session.setRedeemPoints(before.redeemPoints);
    return granted;
}

void SaleWindow::showRequestResult(bool granted, const QString& grantedText)
{
    const QStringList notices = m_session.effects().notices;
    if (!granted) {
        m_messageStrip->show(MessageStrip::Severity::Error,
                             notices.isEmpty() ? tr("The programme gives nothing for this on this basket.")
                                               : notices.join(QLatin1Char(' ')));
        return;
    }
    if (notices.isEmpty())
        m_messageStrip->show(MessageStrip::Severity::Success, grantedText);
    else
        m_messageStrip->show(MessageStrip::Severity::Warning,
                             grantedText + QLatin1Char(' ') + notices.join(QLatin1Char(' ')));
}

void SaleWindow::applyCoupon()
{
    disarmVoid();
    CouponDialog dialog(m_session.options().couponCodes, this);
    if (dialog.exec() != QDialog::Accepted) {
        refresh();
        return;
    }
    const QString code = dialog.code();
    m_session.addCoupon(code);
    refresh();
    QString given;
    for (const Effect& effect : m_session.effects().effects) {
        if (effect.code == code)
            given = effect.explanation;
    }
    //: %1 is the coupon code, %2 what it gives ("−2,35 € (coupon 10 % welcome discount)")
    showRequestResult(!given.isEmpty(), tr("Coupon %1: %2").arg(code, given));
}

void SaleWindow::redeemPoints()
{
    disarmVoid();
    if (!requireMember(tr("redeem points")))
        return;
    const Points available = m_session.standing()->points;
    const Points maximum = grantedFor(QStringLiteral("redeem.points"), available, false);
    const Programme& programme = m_session.engine().programme();
    RedeemPointsDialog dialog(available, maximum, programme.redemption, programme.currency,
                              m_session.options().redeemPoints, this);
    if (dialog.exec() != QDialog::Accepted) {
        refresh();
        return;
    }
    const Points wanted = dialog.points();
    m_session.setRedeemPoints(wanted);
    refresh();
    if (wanted == 0) {
        m_messageStrip->show(MessageStrip::Severity::Info, tr("No points are redeemed on this sale."));
        return;
    }
    QString given;
    for (const Effect& effect : m_session.effects().effects) {
        if (effect.ruleId == QLatin1String("redeem.points"))
            given = effect.explanation;
    }
    showRequestResult(!given.isEmpty(), given);
}

void SaleWindow::takeReward()
{
    disarmVoid();
    if (!requireMember(tr("choose a reward")))
        return;
    const Points available = std::max<Points>(0, m_session.standing()->points - m_session.effects().pointsRedeemed());
    QStringList eans;
    for (const BasketLine& line : m_session.basket().lines())
        eans << line.product.ean;
    RewardPickerDialog dialog(m_session.engine().programme().rewards, available, eans, this);
    if (dialog.exec() != QDialog::Accepted || dialog.rewardId().isEmpty()) {
        refresh();
        return;
    }
    const QString ruleId = QStringLiteral("reward.") + dialog.rewardId();
    const qsizetype before = std::count_if(m_session.effects().effects.cbegin(), m_session.effects().effects.cend(),
                                           [&](const Effect& effect) { return effect.ruleId == ruleId; });
    m_session.addReward(dialog.rewardId());
    refresh();
    QString given;
    qsizetype after = 0;
    for (const Effect& effect : m_session.effects().effects) {
        if (effect.ruleId == ruleId) {
            ++after;
            given = effect.explanation;
        }
    }
    showRequestResult(after > before, given);
}

void SaleWindow::spendWallet()
{
    disarmVoid();
    if (!requireMember(tr("pay from the wallet")))
        return;
    const qint64 wallet = m_session.standing()->walletMinor;
    const qint64 maximum = grantedFor(QStringLiteral("wallet.spend"), wallet, true);
    WalletSpendDialog dialog(wallet, maximum, m_session.engine().programme().currency,
                             m_session.options().walletSpendMinor, this);
    if (dialog.exec() != QDialog::Accepted) {
        refresh();
        return;
    }
    const qint64 wanted = dialog.amountMinor();
    m_session.setWalletSpend(wanted);
    refresh();
    if (wanted == 0) {
        m_messageStrip->show(MessageStrip::Severity::Info, tr("Nothing is paid from the wallet on this sale."));
        return;
    }
    QString given;
    for (const Effect& effect : m_session.effects().effects) {
        if (effect.ruleId == QLatin1String("wallet.spend"))
            given = effect.explanation;
    }
    showRequestResult(!given.isEmpty(), given);
}

void SaleWindow::clearRequests()
{
    disarmVoid();
    if (m_session.options().isEmpty()) {
        m_messageStrip->show(MessageStrip::Severity::Info, tr("No coupon, points, reward or wallet on this sale."));
        return;
    }
    m_session.clearRequests();
    refresh();
    m_messageStrip->show(MessageStrip::Severity::Info,
                         tr("Coupons, redeemed points, rewards and wallet payment were taken off this sale."));
}

void SaleWindow::refresh()
{
    m_basketModel->refresh();
    m_totalsBar->showSession(m_session);
    m_effectsPanel->refresh();
    m_memberPanel->showSession(m_session);
    const auto queued = m_session.queuedEvents();
    m_keyLegend->showStatus(m_session.settings().tillName, queued ? *queued : 0);
    // After a dialog closed the window manager may leave no window active (and the offscreen
    // platform never reactivates one): take the keyboard back, or the next scan is lost.
    if (isVisible() && !QApplication::activeModalWidget() && !isActiveWindow())
        activateWindow();
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
    setVoidArmed(false);
}

void SaleWindow::setVoidArmed(bool armed)
{
    if (m_voidArmed == armed)
        return;
    m_voidArmed = armed;
    // Armed is said in words on the button too (and in the strip), never by its colour alone.
    m_voidButton->setText(armed ? tr("⚠ Confirm") + QStringLiteral("\nF8") : tr("Void") + QStringLiteral("\nF8"));
    m_voidButton->setAccessibleDescription(armed ? tr("Armed: press F8 again to void the sale")
                                                 : tr("Key %1").arg(QStringLiteral("F8")));
    m_voidButton->setProperty("armed", armed);
    m_voidButton->style()->unpolish(m_voidButton);
    m_voidButton->style()->polish(m_voidButton);
}

}  // namespace loyalty
