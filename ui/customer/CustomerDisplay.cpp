#include "customer/CustomerDisplay.h"

#include "account/TierProgressText.h"
#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"
#include "style/TillStyle.h"

#include <QEvent>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWindow>

#include <algorithm>

namespace loyalty {

namespace {

QLabel* makeLabel(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);  // names come from the database: never rich text
    label->setWordWrap(true);
    label->setFocusPolicy(Qt::NoFocus);
    return label;
}

// The greeting uses the first name only: the screen faces the queue.
QString firstName(const QString& name)
{
    return name.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
}

QString pointsText(Points points)
{
    return CustomerDisplay::tr("%Ln point(s)", nullptr, int(std::clamp<Points>(points, -2'000'000'000, 2'000'000'000)));
}

QTableWidgetItem* makeItem(const QString& text, Qt::Alignment alignment)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

}  // namespace

CustomerDisplay::CustomerDisplay(SaleSession& session, QWidget* parent)
    : QWidget(parent, Qt::Window | Qt::WindowDoesNotAcceptFocus)
    , m_session(session)
    , m_views(new QStackedWidget(this))
    , m_idleView(new QWidget(m_views))
    , m_saleView(new QWidget(m_views))
    , m_thankYouView(new QWidget(m_views))
    , m_welcome(makeLabel(QStringLiteral("customerWelcomeLabel"), tr("Welcome"), m_idleView))
    , m_tillName(makeLabel(QStringLiteral("customerTillNameLabel"), tr("Shop"), m_idleView))
    , m_invitation(makeLabel(QStringLiteral("customerInvitationLabel"), tr("Join the programme"), m_idleView))
    , m_lines(new QTableWidget(0, 3, m_saleView))
    , m_greeting(makeLabel(QStringLiteral("customerGreetingLabel"), tr("Greeting"), m_saleView))
    , m_tier(makeLabel(QStringLiteral("customerTierLabel"), tr("Tier"), m_saleView))
    , m_balance(makeLabel(QStringLiteral("customerBalanceLabel"), tr("Points balance"), m_saleView))
    , m_thisSale(makeLabel(QStringLiteral("customerThisSaleLabel"), tr("Points of this sale"), m_saleView))
    , m_joinHint(makeLabel(QStringLiteral("customerJoinHintLabel"), tr("Join the programme"), m_saleView))
    , m_savingsCaption(makeLabel(QStringLiteral("customerSavingsCaptionLabel"), tr("Savings"), m_saleView))
    , m_savings(makeLabel(QStringLiteral("customerSavingsLabel"), tr("Savings"), m_saleView))
    , m_savingsReasons(makeLabel(QStringLiteral("customerSavingsReasonsLabel"), tr("Why you save"), m_saleView))
    , m_totalCaption(makeLabel(QStringLiteral("customerTotalCaptionLabel"), tr("Total"), m_saleView))
    , m_total(makeLabel(QStringLiteral("customerTotalLabel"), tr("Amount to pay"), m_saleView))
    , m_thanks(makeLabel(QStringLiteral("customerThanksLabel"), tr("Thank you"), m_thankYouView))
    , m_thanksPoints(makeLabel(QStringLiteral("customerThanksPointsLabel"), tr("Points earned"), m_thankYouView))
    , m_thanksBalance(makeLabel(QStringLiteral("customerThanksBalanceLabel"), tr("New points balance"), m_thankYouView))
    , m_thanksPaid(makeLabel(QStringLiteral("customerThanksPaidLabel"), tr("Amount paid"), m_thankYouView))
    , m_thanksJoin(makeLabel(QStringLiteral("customerThanksJoinLabel"), tr("Join the programme"), m_thankYouView))
    , m_statusNote(makeLabel(QStringLiteral("customerStatusNoteLabel"), tr("Display status"), this))
{
    setObjectName(QStringLiteral("customerDisplay"));
    setWindowTitle(tr("Customer display"));
    setAccessibleName(tr("Customer display"));
    // The till window keeps the keyboard: the display is shown without activation and refuses focus.
    setAttribute(Qt::WA_ShowWithoutActivating);
    // Closing the till window ends the till, whether or not the display is up.
    setAttribute(Qt::WA_QuitOnClose, false);
    setFocusPolicy(Qt::NoFocus);
    setAttribute(Qt::WA_StyledBackground);
    m_views->setFocusPolicy(Qt::NoFocus);

    // Idle: the shop's welcome and the invitation to join.
    {
        m_welcome->setAlignment(Qt::AlignCenter);
        m_tillName->setAlignment(Qt::AlignCenter);
        m_invitation->setAlignment(Qt::AlignCenter);
        auto* layout = new QVBoxLayout(m_idleView);
        layout->setContentsMargins(48, 48, 48, 48);
        layout->addStretch(2);
        layout->addWidget(m_welcome);
        layout->addWidget(m_tillName);
        layout->addStretch(1);
        layout->addWidget(m_invitation);
        layout->addStretch(2);
    }

    // Sale: the basket on the left, the member and the savings on the right, the total below.
    {
        m_lines->setObjectName(QStringLiteral("customerBasketTable"));
        m_lines->setAccessibleName(tr("Your items"));
        m_lines->setHorizontalHeaderLabels({tr("Item"), tr("Qty"), tr("Amount")});
        m_lines->horizontalHeaderItem(0)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        m_lines->horizontalHeaderItem(1)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->horizontalHeaderItem(2)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setFocusPolicy(Qt::NoFocus);
        m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_lines->setSelectionMode(QAbstractItemView::SingleSelection);
        m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_lines->setShowGrid(false);
        m_lines->setWordWrap(false);
        m_lines->setTextElideMode(Qt::ElideRight);
        m_lines->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_lines->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);  // nobody scrolls it: it follows the newest line
        m_lines->verticalHeader()->setVisible(false);
        m_lines->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_lines->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        m_lines->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
        m_lines->horizontalHeader()->setFocusPolicy(Qt::NoFocus);
        m_lines->horizontalHeader()->setSectionsClickable(false);
        m_lines->setAttribute(Qt::WA_TransparentForMouseEvents);  // a touch on the public screen changes nothing

        m_tier->setWordWrap(false);
        auto* member = new QVBoxLayout;
        member->setSpacing(6);
        member->addWidget(m_greeting);
        member->addWidget(m_tier);
        member->addWidget(m_balance);
        member->addWidget(m_thisSale);
        member->addWidget(m_joinHint);
        member->addSpacing(24);
        member->addWidget(m_savingsCaption);
        member->addWidget(m_savings);
        member->addWidget(m_savingsReasons);
        member->addStretch(1);

        auto* upper = new QHBoxLayout;
        upper->setSpacing(32);
        upper->addWidget(m_lines, 3);
        upper->addLayout(member, 2);

        auto* totalBar = new QFrame(m_saleView);
        totalBar->setObjectName(QStringLiteral("customerTotalBar"));
        auto* totalLayout = new QHBoxLayout(totalBar);
        totalLayout->setContentsMargins(32, 12, 32, 12);
        totalLayout->addWidget(m_totalCaption, 1, Qt::AlignVCenter);
        totalLayout->addWidget(m_total, 0, Qt::AlignVCenter);
        m_totalCaption->setText(tr("TOTAL"));
        m_total->setWordWrap(false);
        m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

        auto* layout = new QVBoxLayout(m_saleView);
        layout->setContentsMargins(32, 32, 32, 24);
        layout->setSpacing(24);
        layout->addLayout(upper, 1);
        layout->addWidget(totalBar);
    }

    // Thank you: what the sale earned and the new balance, for a few seconds.
    {
        for (QLabel* label : {m_thanks, m_thanksPoints, m_thanksBalance, m_thanksPaid, m_thanksJoin})
            label->setAlignment(Qt::AlignCenter);
        auto* layout = new QVBoxLayout(m_thankYouView);
        layout->setContentsMargins(48, 48, 48, 48);
        layout->setSpacing(16);
        layout->addStretch(2);
        layout->addWidget(m_thanks);
        layout->addSpacing(24);
        layout->addWidget(m_thanksPoints);
        layout->addWidget(m_thanksBalance);
        layout->addWidget(m_thanksPaid);
        layout->addWidget(m_thanksJoin);
        layout->addStretch(3);
    }

    m_views->addWidget(m_idleView);
    m_views->addWidget(m_saleView);
    m_views->addWidget(m_thankYouView);
    m_statusNote->setVisible(false);
    m_statusNote->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_views, 1);
    layout->addWidget(m_statusNote);

    m_thankYouTimer.setSingleShot(true);
    m_thankYouTimer.setInterval(kThankYouDuration);
    connect(&m_thankYouTimer, &QTimer::timeout, this, &CustomerDisplay::refresh);
    connect(&m_session, &SaleSession::basketChanged, this, &CustomerDisplay::refresh);
    connect(&m_session, &SaleSession::memberChanged, this, &CustomerDisplay::refresh);
    connect(&m_session, &SaleSession::saleCompleted, this, &CustomerDisplay::saleCompleted);
    m_tillFocusWindow = QGuiApplication::focusWindow();
    connect(qGuiApp, &QGuiApplication::focusWindowChanged, this, &CustomerDisplay::focusWindowChanged);

    resize(kDesignSize);
    applyLook(true);
    refresh();
}

CustomerDisplay::View CustomerDisplay::view() const
{
    if (m_views->currentWidget() == m_saleView)
        return View::Sale;
    if (m_views->currentWidget() == m_thankYouView)
        return View::ThankYou;
    return View::Idle;
}

void CustomerDisplay::setThankYouDuration(std::chrono::milliseconds duration)
{
    m_thankYouTimer.setInterval(duration);
}

void CustomerDisplay::setStatusNote(const QString& note)
{
    m_statusNote->setText(note);
    m_statusNote->setVisible(!note.isEmpty());
}

QString CustomerDisplay::statusNote() const
{
    return m_statusNote->text();
}

void CustomerDisplay::refresh()
{
    if (m_session.member() || !m_session.basket().isEmpty()) {
        m_thankYouTimer.stop();  // the next customer's first scan ends the thank-you at once
        showSale();
    } else if (!m_thankYouTimer.isActive()) {
        showIdle();
    }
}

void CustomerDisplay::showIdle()
{
    const QString tillName = m_session.settings().tillName;
    const QString programme = m_session.engine().programme().name;
    m_welcome->setText(tr("Welcome!"));
    m_tillName->setText(tillName);
    m_tillName->setVisible(!tillName.isEmpty());
    m_invitation->setText(
        programme.isEmpty()
            ? tr("Not a member yet? Ask at the till and collect points with every purchase.")
            //: %1 is the name of the loyalty programme
            : tr("Not a member of %1 yet? Ask at the till and collect points with every purchase.").arg(programme));
    m_shownLines.clear();
    m_highlightedRow = -1;
    m_views->setCurrentWidget(m_idleView);
}

void CustomerDisplay::showSale()
{
    showBasket();
    showMember();
    showSavings();
    const Evaluation& effects = m_session.effects();
    const bool discounted = !effects.discount.isZero() && !effects.discount.currency().isEmpty();
    m_total->setText(MoneyFormatter().format(discounted ? effects.payable : m_session.basket().total()));
    m_views->setCurrentWidget(m_saleView);
}

void CustomerDisplay::showBasket()
{
    const QList<BasketLine>& lines = m_session.basket().lines();
    // The row that changed: a new line, or one whose quantity is not what was shown.
    int changed = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const BasketLine& line = lines.at(i);
        if (i >= m_shownLines.size() || m_shownLines.at(i).first != line.product.ean ||
            m_shownLines.at(i).second != line.quantity)
            changed = int(i);
    }
    if (changed < 0 && !lines.isEmpty())
        changed = std::min<int>(m_highlightedRow, int(lines.size()) - 1);  // a line was removed

    const MoneyFormatter money;
    const QLocale locale;
    m_lines->setRowCount(int(lines.size()));
    m_shownLines.clear();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const BasketLine& line = lines.at(i);
        m_shownLines.append({line.product.ean, line.quantity});
        const int row = int(i);
        m_lines->setItem(row, 0, makeItem(line.product.name, Qt::AlignLeft));
        //: A basket line's quantity on the customer display: "2 ×"
        m_lines->setItem(row, 1, makeItem(tr("%1 ×").arg(locale.toString(line.quantity)), Qt::AlignRight));
        m_lines->setItem(row, 2, makeItem(money.format(line.total()), Qt::AlignRight));
        // The changed line is bold as well as selected: not marked by colour alone.
        for (int column = 0; column < 3; ++column) {
            QFont font = m_lines->item(row, column)->font();
            font.setBold(row == changed);
            m_lines->item(row, column)->setFont(font);
        }
    }
    m_highlightedRow = lines.isEmpty() ? -1 : changed;
    if (m_highlightedRow >= 0) {
        m_lines->selectRow(m_highlightedRow);
        m_lines->scrollToItem(m_lines->item(m_highlightedRow, 0), QAbstractItemView::EnsureVisible);
    } else {
        m_lines->clearSelection();
    }
}

void CustomerDisplay::showMember()
{
    const auto& holder = m_session.member();
    const bool member = holder.has_value();
    for (QLabel* label : {m_greeting, m_balance, m_thisSale})
        label->setVisible(member);
    m_joinHint->setVisible(!member);
    if (!member) {
        m_tier->setVisible(false);
        m_joinHint->setText(tr("Are you a member? Show your card at the till to collect points for this purchase."));
        return;
    }
    const QString first = firstName(holder->member.name);
    m_greeting->setText(first.isEmpty() ? tr("Hello!") : tr("Hello, %1!").arg(first));
    m_balance->setText(pointsText(m_session.memberBalance().value_or(0)));

    const Evaluation& effects = m_session.effects();
    const Programme& programme = m_session.engine().programme();
    QStringList parts;
    parts << tr("+%1").arg(pointsText(effects.pointsEarned()));
    if (effects.pointsRedeemed() > 0)
        parts << tr("−%1 redeemed").arg(pointsText(effects.pointsRedeemed()));

    const auto& standing = m_session.standing();
    const TierDefinition* held = standing ? programme.tier(standing->tierId) : nullptr;
    m_tier->setVisible(held != nullptr);
    //: The tier the member holds, with a star so it is not told by colour
    m_tier->setText(held ? tr("★ %1").arg(held->name) : QString());
    if (standing && !programme.tiers.isEmpty()) {
        TierProgress progress;
        progress.basis = programme.tierPolicy.basis;
        progress.qualifyingValue = standing->qualifyingValue;
        progress.tierId = standing->tierId;
        if (const TierDefinition* next = m_session.engine().nextTier(standing->tierId)) {
            progress.nextTierId = next->id;
            progress.nextTierName = next->name;
            progress.neededForNext = std::max<qint64>(0, next->threshold - standing->qualifyingValue);
        }
        const QString toNext = TierProgressText::toNextTier(progress, programme.currency);
        if (!toNext.isEmpty())
            parts << toNext;
    }
    //: Separates the parts of the points line: "+24 points · 230 points to Gold"
    m_thisSale->setText(tr("This sale: %1").arg(parts.join(tr(" · "))));
}

void CustomerDisplay::showSavings()
{
    const Evaluation& effects = m_session.effects();
    const bool saving = !effects.discount.isZero() && !effects.discount.currency().isEmpty();
    for (QLabel* label : {m_savingsCaption, m_savings, m_savingsReasons})
        label->setVisible(saving);
    if (!saving) {
        m_savings->clear();
        m_savingsReasons->clear();
        return;
    }
    m_savingsCaption->setText(tr("YOU SAVE"));
    m_savings->setText(MoneyFormatter().format(effects.discount));
    // Only the effects that take money off, each with the programme's reason ("−0,51 € (Gold member
    // discount 5 %)"); points effects are on the points line.
    QStringList reasons;
    for (const Effect& effect : effects.effects) {
        if (effect.discountMinor > 0 && !effect.explanation.isEmpty())
            reasons << effect.explanation;
    }
    m_savingsReasons->setText(reasons.join(QLatin1Char('\n')));
    m_savingsReasons->setVisible(!reasons.isEmpty());
}

void CustomerDisplay::saleCompleted()
{
    const auto& sale = m_session.lastCompleted();
    if (!sale)
        return;
    const MoneyFormatter money;
    const bool discounted =
        sale->effects.payable.currency() == sale->total.currency() && !sale->effects.discount.isZero();
    const QString paid = money.format(discounted ? sale->effects.payable : sale->total);
    if (sale->memberId) {
        const QString first = firstName(sale->memberName);
        m_thanks->setText(first.isEmpty() ? tr("Thank you!") : tr("Thank you, %1!").arg(first));
        const Points earned = sale->effects.pointsEarned();
        const Points redeemed = sale->effects.pointsRedeemed();
        m_thanksPoints->setText(redeemed > 0
                                    ? tr("+%1 earned, −%2 redeemed").arg(pointsText(earned), pointsText(redeemed))
                                    : tr("+%1 earned").arg(pointsText(earned)));
        m_thanksBalance->setText(tr("New balance: %1").arg(pointsText(sale->newBalance.value_or(0))));
        m_thanksJoin->clear();
    } else {
        m_thanks->setText(tr("Thank you for your purchase!"));
        m_thanksPoints->clear();
        m_thanksBalance->clear();
        m_thanksJoin->setText(tr("Next time, collect points: ask at the till to join."));
    }
    m_thanksPaid->setText(discounted ? tr("Paid %1 — you saved %2").arg(paid, money.format(sale->effects.discount))
                                     : tr("Paid %1").arg(paid));
    for (QLabel* label : {m_thanksPoints, m_thanksBalance, m_thanksJoin})
        label->setVisible(!label->text().isEmpty());
    m_shownLines.clear();
    m_highlightedRow = -1;
    m_views->setCurrentWidget(m_thankYouView);
    m_thankYouTimer.start();
}

void CustomerDisplay::focusWindowChanged(QWindow* window)
{
    if (!window)
        return;
    if (window != windowHandle()) {
        m_tillFocusWindow = window;
        return;
    }
    // A platform or window manager that activates every new window (no window manager at all, the
    // offscreen platform) gave the display the keyboard: it goes straight back to the till.
    if (m_tillFocusWindow)
        m_tillFocusWindow->requestActivate();
}

void CustomerDisplay::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    applyLook(false);
}

bool CustomerDisplay::event(QEvent* event)
{
    // The till's theme (high contrast) and font scale are applied to the whole application, also
    // while the display is up. TillStyle::apply() sets the font and palette before it records the
    // appearance: the look is read again once the apply is over.
    if ((event->type() == QEvent::ApplicationFontChange || event->type() == QEvent::ApplicationPaletteChange) &&
        !m_lookPending) {
        m_lookPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_lookPending = false;
                applyLook(true);
            },
            Qt::QueuedConnection);
    }
    return QWidget::event(event);
}

void CustomerDisplay::applyLook(bool force)
{
    // Type sizes in pt for a 1280×720 display at 100 %: the total is 60 pt and the basket 26 pt,
    // readable from two metres. They grow and shrink with the window (a 1920×1080 monitor, a 7-inch
    // pole display, the window beside a single-screen till) and with the till's font scale.
    const int scale = std::clamp(TillStyle::current().fontScalePercent, AppearanceSetup::kMinFontScalePercent,
                                 AppearanceSetup::kMaxFontScalePercent);
    const qreal fit = std::min(width() / qreal(kDesignSize.width()), height() / qreal(kDesignSize.height()));
    // In steps of 5 %, so a window dragged a few pixels wider keeps its sheet.
    const int fitPercent = std::clamp(qRound(fit * 20.0) * 5, 40, 300);
    const auto pt = [scale, fitPercent](int atHundred) {
        return QString::number(std::max(8, qRound(atHundred * scale * fitPercent / 10000.0)));
    };
    // Colours are palette roles, so the high-contrast palette carries over; the widget's own style
    // sheet wins over the till's, whose rules are made for the sale screen.
    const QString sheet =
        QStringLiteral(
            "QWidget#customerDisplay { background: palette(window); color: palette(window-text); }\n"
            "QWidget#customerDisplay QLabel { color: palette(window-text); background: transparent; }\n"
            "QLabel#customerWelcomeLabel { font-size: %1pt; font-weight: 700; }\n"
            "QLabel#customerTillNameLabel { font-size: %2pt; }\n"
            "QLabel#customerInvitationLabel, QLabel#customerThanksJoinLabel { font-size: %3pt; }\n"
            "QTableWidget#customerBasketTable { font-size: %3pt; background: palette(base);"
            " color: palette(text); border: 2px solid palette(mid); border-radius: 8px;"
            " selection-background-color: palette(highlight); selection-color: palette(highlighted-text); }\n"
            "QTableWidget#customerBasketTable QHeaderView::section { font-size: %4pt; font-weight: 700;"
            " background: palette(window); color: palette(window-text); border: none; padding: 6px 10px; }\n"
            "QTableWidget#customerBasketTable::item { padding: 6px 10px; }\n"
            "QLabel#customerGreetingLabel { font-size: %5pt; font-weight: 700; }\n"
            "QLabel#customerTierLabel { font-size: %4pt; font-weight: 700; }\n"
            "QLabel#customerBalanceLabel { font-size: %6pt; font-weight: 700; }\n"
            "QLabel#customerThisSaleLabel, QLabel#customerJoinHintLabel { font-size: %7pt; }\n"
            "QLabel#customerSavingsCaptionLabel { font-size: %4pt; font-weight: 700; }\n"
            "QLabel#customerSavingsLabel { font-size: %6pt; font-weight: 700; }\n"
            "QLabel#customerSavingsReasonsLabel { font-size: %8pt; }\n"
            "QFrame#customerTotalBar { background: palette(highlight); border-radius: 10px; }\n"
            "QFrame#customerTotalBar QLabel { color: palette(highlighted-text); }\n"
            "QLabel#customerTotalCaptionLabel { font-size: %6pt; font-weight: 700; }\n"
            "QLabel#customerTotalLabel { font-size: %9pt; font-weight: 800; }\n"
            "QLabel#customerThanksLabel { font-size: %1pt; font-weight: 700; }\n"
            "QLabel#customerThanksPointsLabel, QLabel#customerThanksBalanceLabel { font-size: %5pt;"
            " font-weight: 700; }\n"
            "QLabel#customerThanksPaidLabel { font-size: %3pt; }\n"
            "QLabel#customerStatusNoteLabel { font-size: %10pt; padding: 4px; }\n")
            .arg(pt(48), pt(30), pt(26), pt(18), pt(36), pt(32), pt(24), pt(20), pt(60), pt(11));
    if (!force && sheet == m_styleSheet)
        return;
    m_styleSheet = sheet;
    if (force)
        setStyleSheet(QString());  // palette() in a style sheet is read when it is set: set it again
    setStyleSheet(sheet);
}

QString CustomerDisplay::totalText() const
{
    return m_total->text();
}

QString CustomerDisplay::savingsText() const
{
    return m_savings->isVisibleTo(m_saleView) ? m_savings->text() : QString();
}

QString CustomerDisplay::greetingText() const
{
    return m_greeting->isVisibleTo(m_saleView) ? m_greeting->text() : QString();
}

QString CustomerDisplay::balanceText() const
{
    return m_balance->isVisibleTo(m_saleView) ? m_balance->text() : QString();
}

QString CustomerDisplay::thisSaleText() const
{
    return m_thisSale->isVisibleTo(m_saleView) ? m_thisSale->text() : QString();
}

QString CustomerDisplay::thankYouText() const
{
    return m_thanks->text();
}

QString CustomerDisplay::thankYouPointsText() const
{
    return m_thanksPoints->text();
}

QString CustomerDisplay::thankYouBalanceText() const
{
    return m_thanksBalance->text();
}

QString CustomerDisplay::welcomeText() const
{
    return m_welcome->text() + QLatin1Char('\n') + m_tillName->text() + QLatin1Char('\n') + m_invitation->text();
}

QStringList CustomerDisplay::lineTexts() const
{
    QStringList texts;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        texts << m_lines->item(row, 0)->text() + QStringLiteral(" · ") + m_lines->item(row, 1)->text() +
                     QStringLiteral(" · ") + m_lines->item(row, 2)->text();
    }
    return texts;
}

int CustomerDisplay::highlightedRow() const
{
    return m_highlightedRow;
}

}  // namespace loyalty
