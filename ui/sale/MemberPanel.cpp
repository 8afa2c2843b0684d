#include "sale/MemberPanel.h"

#include "account/TierProgressText.h"
#include "hints/CustomerValueHint.h"
#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace loyalty {

namespace {
QLabel* makeLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QProgressBar* makeBar(const QString& objectName, QWidget* parent)
{
    auto* bar = new QProgressBar(parent);
    bar->setObjectName(objectName);
    bar->setTextVisible(false);  // the label beside it says the same in words
    bar->setFixedHeight(8);
    return bar;
}

void setPlaceholder(QLabel* label, bool placeholder)
{
    if (label->property("placeholder").toBool() == placeholder)
        return;
    label->setProperty("placeholder", placeholder);
    // Re-evaluate the [placeholder="true"] style sheet selector.
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QString pointsText(Points points)
{
    return MemberPanel::tr("%Ln point(s)", nullptr, int(points));
}

// A full date the way the locale writes it, with a four-digit year ("31.12.2026", "12/31/2026").
QString dateText(const QDate& date)
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return QLocale().toString(date, format);
}
}  // namespace

MemberPanel::MemberPanel(QWidget* parent)
    : QFrame(parent)
    , m_heading(makeLabel(QStringLiteral("memberHeadingLabel"), this))
    , m_tier(makeLabel(QStringLiteral("memberTierLabel"), this))
    , m_name(makeLabel(QStringLiteral("memberNameLabel"), this))
    , m_card(makeLabel(QStringLiteral("memberCardLabel"), this))
    , m_balance(makeLabel(QStringLiteral("memberBalanceLabel"), this))
    , m_wallet(makeLabel(QStringLiteral("memberWalletLabel"), this))
    , m_tierProgress(makeLabel(QStringLiteral("tierProgressLabel"), this))
    , m_tierBar(makeBar(QStringLiteral("tierProgressBar"), this))
    , m_stampLayout(new QVBoxLayout)
    , m_expiring(makeLabel(QStringLiteral("expiringPointsLabel"), this))
    , m_membership(makeLabel(QStringLiteral("membershipLabel"), this))
    , m_saleHeading(makeLabel(QStringLiteral("saleHeadingLabel"), this))
    , m_earn(makeLabel(QStringLiteral("saleEarnLabel"), this))
    , m_hint(makeLabel(QStringLiteral("memberHintLabel"), this))
    , m_customerHint(makeLabel(QStringLiteral("customerHintLabel"), this))
{
    setObjectName(QStringLiteral("memberPanel"));
    setAccessibleName(tr("Member"));
    m_tier->setWordWrap(false);
    m_tier->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_tier);
    m_stampLayout->setSpacing(2);

    auto* layout = new QVBoxLayout(this);
    // Tight enough that a member with tier, two stamp cards, an expiring-points line and the
    // customer hint still fits above the buttons at 1366×768 with the status line on screen.
    layout->setContentsMargins(16, 8, 16, 6);
    layout->setSpacing(2);
    layout->addLayout(headingRow);
    layout->addWidget(m_name);
    layout->addWidget(m_card);
    layout->addWidget(m_balance);
    layout->addWidget(m_wallet);
    layout->addSpacing(3);
    layout->addWidget(m_tierProgress);
    layout->addWidget(m_tierBar);
    layout->addSpacing(3);
    layout->addLayout(m_stampLayout);
    layout->addWidget(m_expiring);
    layout->addWidget(m_membership);
    layout->addWidget(m_customerHint);
    layout->addSpacing(6);
    layout->addWidget(m_saleHeading);
    layout->addWidget(m_earn);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    m_customerHint->setVisible(false);
    // One line, whatever its length: a wrapped hint made the panel taller than the sale screen and
    // pushed the status line off a 1366×768 screen. Its width follows the panel, not the text.
    m_customerHint->setWordWrap(false);
    m_customerHint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_customerHint->setMinimumWidth(1);
    m_customerHint->installEventFilter(this);
    // Never taller than the sale screen leaves it: a member with more lines than fit (many stamp
    // cards) loses the panel's last lines, not the window's status line below the screen's edge.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
}

MemberPanel::~MemberPanel() = default;

void MemberPanel::enableCustomerHints(const Database& database, const Clock& clock)
{
    m_hints = std::make_unique<CustomerValueHint>(database, clock);
    m_hintMemberId.reset();
    // The A-customer threshold sums a year of sales once a day: computed in the background from the
    // start (never on this thread), so the till paints and takes scans at once. When it comes in,
    // the member on the panel (if any) gets their line again, now with the A-customer part.
    m_hints->warmUpInBackground([this] {
        if (!m_hintMemberId || !m_hintSession || !m_hintSession->member() ||
            m_hintSession->member()->member.id != *m_hintMemberId)
            return;
        m_hintMemberId.reset();
        showCustomerHint(*m_hintSession);
    });
}

bool MemberPanel::customerHintsReady() const
{
    return m_hints && m_hints->thresholdKnown();
}

void MemberPanel::showSession(const SaleSession& session)
{
    if (session.member())
        showMember(session);
    else if (session.lastCompleted() && session.basket().isEmpty())
        showCompleted(session);
    else
        showNoMember(session);
}

void MemberPanel::hideStanding()
{
    m_tier->clear();
    for (QWidget* widget :
         {static_cast<QWidget*>(m_balance), static_cast<QWidget*>(m_wallet), static_cast<QWidget*>(m_tierProgress),
          static_cast<QWidget*>(m_tierBar), static_cast<QWidget*>(m_expiring), static_cast<QWidget*>(m_membership)})
        widget->setVisible(false);
    m_wallet->clear();
    m_tierProgress->clear();
    m_expiring->clear();
    m_membership->clear();
    for (const StampRow& row : std::as_const(m_stampRows)) {
        row.label->setVisible(false);
        row.label->clear();
        row.bar->setVisible(false);
    }
}

void MemberPanel::showNoMember(const SaleSession& session)
{
    hideStanding();
    m_heading->setText(tr("MEMBER"));
    m_name->setText(tr("Scan customer card"));
    setPlaceholder(m_name, true);
    m_card->setText(tr("Points are collected with the loyalty card or the card in the app. F9 enrols a new member."));
    m_balance->clear();
    m_saleHeading->setText(session.basket().isEmpty() ? QString() : tr("THIS SALE"));
    m_earn->setText(session.basket().isEmpty() ? QString() : tr("No member: no points"));
    m_hint->clear();
    clearCustomerHint();
}

void MemberPanel::showMember(const SaleSession& session)
{
    const CardHolder& holder = *session.member();
    m_heading->setText(tr("MEMBER"));
    m_name->setText(holder.member.name);
    setPlaceholder(m_name, false);
    m_card->setText(tr("Card %1").arg(holder.maskedCardNumber()));
    showStanding(session);
    showCustomerHint(session);
    m_saleHeading->setText(tr("THIS SALE"));
    const Evaluation& effects = session.effects();
    m_earn->setText(tr("+%Ln point(s)", nullptr, int(effects.pointsEarned())));
    const Points redeemed = effects.pointsRedeemed();
    m_hint->setText(redeemed > 0 ? tr("−%Ln point(s) redeemed", nullptr, int(redeemed))
                                 : (session.basket().isEmpty() ? tr("Scan the goods.") : QString()));
}

void MemberPanel::showStanding(const SaleSession& session)
{
    const Points balance = session.memberBalance().value_or(0);
    const Programme& programme = session.engine().programme();
    const MoneyFormatter money;
    const RedemptionPolicy& redemption = programme.redemption;
    m_balance->setVisible(true);
    m_balance->setText(pointsText(balance));
    QString worth;
    if (redemption.pointsPerStep > 0 && balance >= redemption.pointsPerStep) {
        //: What the points balance is worth when redeemed
        worth = tr("Worth %1")
                    .arg(money.format(
                        Money(balance / redemption.pointsPerStep * redemption.valueMinorPerStep, programme.currency)));
    }
    const auto& standing = session.standing();
    if (!standing) {
        hideStanding();
        m_balance->setVisible(true);
        return;
    }
    m_wallet->setVisible(true);
    const QString wallet = tr("Wallet %1").arg(money.format(Money(standing->walletMinor, programme.currency)));
    m_wallet->setText(worth.isEmpty() ? wallet : worth + QStringLiteral(" · ") + wallet);
    showTier(session);
    showStampCards(session);

    const bool expiring = standing->expiringPoints > 0 && standing->expiringOn.isValid();
    // An expiring-points customer hint says the same and what to offer: then it stands alone.
    m_expiring->setVisible(expiring && !m_hintCoversExpiring);
    // expiringOn is the first day the points are gone: the customer can use them until the day before.
    m_expiring->setText(expiring ? tr("⚠ %Ln point(s) expire: use by %1", nullptr, int(standing->expiringPoints))
                                       .arg(dateText(standing->expiringOn.addDays(-1)))
                                 : QString());
    m_membership->setVisible(standing->membershipValidUntil.has_value());
    m_membership->setText(standing->membershipValidUntil
                              ? tr("Paid membership until %1").arg(dateText(*standing->membershipValidUntil))
                              : QString());
}

// Read once when a member comes onto the sale, not on every scan of a product: the hint says who the
// customer is, which a line added to the basket does not change.
void MemberPanel::showCustomerHint(const SaleSession& session)
{
    const qint64 memberId = session.member()->member.id;
    if (!m_hints || m_hintMemberId == memberId)
        return;
    m_hintMemberId = memberId;
    m_hintSession = &session;
    m_hintCoversExpiring = false;
    const auto hint = m_hints->forMember(memberId, session.engine().programme());
    // A database that cannot be read leaves the line out: the sale goes on, the panel stays calm.
    if (!hint || !hint->has_value()) {
        m_customerHintFull.clear();
        m_customerHint->clear();
        m_customerHint->setToolTip({});
        m_customerHint->setAccessibleDescription({});
        m_customerHint->setVisible(false);
        m_expiring->setVisible(!m_expiring->text().isEmpty());
        return;
    }
    const CustomerHint& shown = **hint;
    m_hintCoversExpiring = shown.kind == CustomerHint::Kind::ExpiringPoints;
    m_expiring->setVisible(!m_hintCoversExpiring && !m_expiring->text().isEmpty());
    //: The symbol says what kind of hint it is, so the line never depends on its colour
    const QString symbol = shown.severity == CustomerHint::Severity::Offer ? tr("➜") : tr("ℹ");
    m_customerHintFull = symbol + QLatin1Char(' ') + shown.text;
    m_customerHint->setToolTip(m_customerHintFull);
    m_customerHint->setAccessibleDescription(m_customerHintFull);
    elideCustomerHint();
    m_customerHint->setProperty("severity", shown.severity == CustomerHint::Severity::Offer ? QStringLiteral("offer")
                                                                                            : QStringLiteral("info"));
    m_customerHint->setAccessibleName(shown.severity == CustomerHint::Severity::Offer ? tr("Offer to the customer")
                                                                                      : tr("About the customer"));
    m_customerHint->setVisible(true);
}

void MemberPanel::clearCustomerHint()
{
    m_hintMemberId.reset();
    m_hintSession = nullptr;
    m_hintCoversExpiring = false;
    m_customerHintFull.clear();
    m_customerHint->clear();
    m_customerHint->setToolTip({});
    m_customerHint->setAccessibleDescription({});
    m_customerHint->setVisible(false);
}

void MemberPanel::elideCustomerHint()
{
    const int width = m_customerHint->contentsRect().width();
    const QString text = width > 0 ? m_customerHint->fontMetrics().elidedText(m_customerHintFull, Qt::ElideRight, width)
                                   : m_customerHintFull;
    if (m_customerHint->text() != text)
        m_customerHint->setText(text);
}

bool MemberPanel::eventFilter(QObject* watched, QEvent* event)
{
    // The width (and the font, with the style sheet) are known only once laid out: elide again then.
    if (watched == m_customerHint && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange ||
                                      event->type() == QEvent::StyleChange))
        elideCustomerHint();
    return QFrame::eventFilter(watched, event);
}

void MemberPanel::showTier(const SaleSession& session)
{
    const MemberStanding& standing = *session.standing();
    const Programme& programme = session.engine().programme();
    const TierDefinition* held = programme.tier(standing.tierId);
    if (programme.tiers.isEmpty()) {
        m_tier->clear();
        m_tierProgress->setVisible(false);
        m_tierBar->setVisible(false);
        return;
    }
    m_tier->setText(held ? tr("★ %1").arg(held->name) : QString());
    TierProgress progress;
    progress.basis = programme.tierPolicy.basis;
    progress.qualifyingValue = standing.qualifyingValue;
    progress.tierId = standing.tierId;
    const TierDefinition* next = session.engine().nextTier(standing.tierId);
    if (next) {
        progress.nextTierId = next->id;
        progress.nextTierName = next->name;
        progress.neededForNext = std::max<qint64>(0, next->threshold - standing.qualifyingValue);
    }
    QString text = TierProgressText::toNextTier(progress, programme.currency);
    if (text.isEmpty() && held)
        text = tr("Highest tier reached");
    //: %1 is the tier held, %2 the way to the next one ("230 points to Gold")
    m_tierProgress->setText(held ? tr("Tier %1 · %2").arg(held->name, text) : text);
    m_tierProgress->setVisible(!m_tierProgress->text().isEmpty());
    const qint64 from = held ? held->threshold : 0;
    const qint64 to = next ? next->threshold : from;
    m_tierBar->setVisible(next && to > from);
    if (next && to > from) {
        m_tierBar->setRange(0, 1000);
        m_tierBar->setValue(int(std::clamp<qint64>((standing.qualifyingValue - from) * 1000 / (to - from), 0, 1000)));
    }
}

void MemberPanel::showStampCards(const SaleSession& session)
{
    const Programme& programme = session.engine().programme();
    if (m_stampRows.isEmpty()) {
        for (const StampCardDefinition& card : programme.stampCards) {
            StampRow row{card.id, makeLabel(QStringLiteral("stampCardLabel"), this),
                         makeBar(QStringLiteral("stampCardProgressBar"), this)};
            m_stampLayout->addWidget(row.label);
            m_stampLayout->addWidget(row.bar);
            m_stampRows.append(row);
        }
    }
    const MemberStanding& standing = *session.standing();
    for (qsizetype i = 0; i < m_stampRows.size() && i < programme.stampCards.size(); ++i) {
        const StampCardDefinition& card = programme.stampCards.at(i);
        const StampRow& row = m_stampRows.at(i);
        const int needed = std::max(1, card.stampsNeeded);
        const int stamps = standing.stamps.value(card.id);
        const int shown = std::min(stamps, needed);
        //: A stamp card: "Coffee card: 7 of 10"
        QString text = tr("%1: %2 of %3").arg(card.name, QLocale().toString(shown), QLocale().toString(needed));
        if (stamps >= needed)
            text += tr(" — full, reward due");
        row.label->setText(text);
        row.bar->setRange(0, needed);
        row.bar->setValue(shown);
        row.label->setVisible(true);
        row.bar->setVisible(true);
    }
}

void MemberPanel::showCompleted(const SaleSession& session)
{
    const CompletedSale& sale = *session.lastCompleted();
    hideStanding();
    clearCustomerHint();
    m_heading->setText(tr("SALE COMPLETE ✔"));
    setPlaceholder(m_name, false);
    const MoneyFormatter money;
    if (sale.memberId) {
        m_name->setText(sale.memberName);
        const Points redeemed = sale.effects.pointsRedeemed();
        m_card->setText(redeemed > 0 ? tr("+%1 earned, −%2 redeemed. New balance:")
                                           .arg(pointsText(sale.effects.pointsEarned()), pointsText(redeemed))
                                     : tr("+%1 earned. New balance:").arg(pointsText(sale.effects.pointsEarned())));
        m_balance->setVisible(true);
        m_balance->setText(pointsText(sale.newBalance.value_or(0)));
        if (sale.newWalletMinor != 0 || sale.effects.sumOf(EffectKind::WalletSpent) != 0 ||
            sale.effects.sumOf(EffectKind::WalletEarned) != 0) {
            m_wallet->setText(tr("Wallet %1").arg(money.format(Money(sale.newWalletMinor, sale.total.currency()))));
            m_wallet->setVisible(true);
        }
    } else {
        m_name->setText(tr("No member on this sale"));
        m_card->setText(tr("No points were collected."));
        m_balance->setVisible(false);
    }
    m_saleHeading->setText(tr("PAID"));
    const bool discounted = sale.effects.payable.currency() == sale.total.currency() && !sale.effects.discount.isZero();
    m_earn->setText(money.format(discounted ? sale.effects.payable : sale.total));
    m_hint->setText(tr("Scan the next customer's card or first product."));
}

QString MemberPanel::memberName() const
{
    return m_name->text();
}

QString MemberPanel::balanceText() const
{
    return m_balance->text();
}

QString MemberPanel::walletText() const
{
    return m_wallet->text();
}

QString MemberPanel::tierText() const
{
    return m_tier->text();
}

QString MemberPanel::tierProgressText() const
{
    return m_tierProgress->text();
}

QStringList MemberPanel::stampCardTexts() const
{
    QStringList texts;
    for (const StampRow& row : m_stampRows) {
        if (!row.label->text().isEmpty())
            texts << row.label->text();
    }
    return texts;
}

QString MemberPanel::expiringText() const
{
    return m_expiring->text();
}

QString MemberPanel::membershipText() const
{
    return m_membership->text();
}

QString MemberPanel::earnText() const
{
    return m_earn->text();
}

QString MemberPanel::customerHintText() const
{
    return m_customerHintFull;
}

}  // namespace loyalty
