#include "sale/MemberPanel.h"

#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"

#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QVBoxLayout>

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
}  // namespace

MemberPanel::MemberPanel(QWidget* parent)
    : QFrame(parent)
    , m_heading(makeLabel(QStringLiteral("memberHeadingLabel"), this))
    , m_name(makeLabel(QStringLiteral("memberNameLabel"), this))
    , m_card(makeLabel(QStringLiteral("memberCardLabel"), this))
    , m_balance(makeLabel(QStringLiteral("memberBalanceLabel"), this))
    , m_saleHeading(makeLabel(QStringLiteral("saleHeadingLabel"), this))
    , m_earn(makeLabel(QStringLiteral("saleEarnLabel"), this))
    , m_explanations(makeLabel(QStringLiteral("saleExplanationLabel"), this))
{
    setObjectName(QStringLiteral("memberPanel"));
    setAccessibleName(tr("Member"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_name);
    layout->addWidget(m_card);
    layout->addWidget(m_balance);
    layout->addSpacing(18);
    layout->addWidget(m_saleHeading);
    layout->addWidget(m_earn);
    layout->addWidget(m_explanations);
    layout->addStretch(1);
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

void MemberPanel::showNoMember(const SaleSession& session)
{
    m_heading->setText(tr("MEMBER"));
    m_name->setText(tr("Scan customer card"));
    setPlaceholder(m_name, true);
    m_card->setText(tr("Points are collected with the loyalty card or the card in the app."));
    m_balance->clear();
    m_saleHeading->setText(session.basket().isEmpty() ? QString() : tr("THIS SALE"));
    m_earn->setText(session.basket().isEmpty() ? QString() : tr("No member: no points"));
    m_explanations->clear();
    m_balance->setVisible(false);
}

void MemberPanel::showMember(const SaleSession& session)
{
    const CardHolder& holder = *session.member();
    m_heading->setText(tr("MEMBER"));
    m_name->setText(holder.member.name);
    setPlaceholder(m_name, false);
    m_card->setText(tr("Card %1").arg(holder.maskedCardNumber()));
    m_balance->setVisible(true);
    m_balance->setText(pointsText(session.memberBalance().value_or(0)));
    m_saleHeading->setText(tr("THIS SALE"));
    const Points earned = session.effects().pointsEarned();
    m_earn->setText(tr("+%Ln point(s)", nullptr, int(earned)));
    QStringList lines;
    for (const Effect& effect : session.effects().effects)
        lines << tr("+%1 · %2").arg(QLocale().toString(effect.points), effect.explanation);
    if (lines.isEmpty())
        lines << (session.basket().isEmpty() ? tr("Scan the goods.") : tr("Nothing in the basket earns points yet."));
    m_explanations->setText(lines.join(u'\n'));
}

void MemberPanel::showCompleted(const SaleSession& session)
{
    const CompletedSale& sale = *session.lastCompleted();
    m_heading->setText(tr("SALE COMPLETE ✔"));
    setPlaceholder(m_name, false);
    if (sale.memberId) {
        m_name->setText(sale.memberName);
        m_card->setText(tr("+%1 earned. New balance:").arg(pointsText(sale.effects.pointsEarned())));
        m_balance->setVisible(true);
        m_balance->setText(pointsText(sale.newBalance.value_or(0)));
    } else {
        m_name->setText(tr("No member on this sale"));
        m_card->setText(tr("No points were collected."));
        m_balance->setVisible(false);
    }
    m_saleHeading->setText(tr("TOTAL PAID"));
    m_earn->setText(MoneyFormatter().format(sale.total));
    m_explanations->setText(tr("Scan the next customer's card or first product."));
}

QString MemberPanel::memberName() const
{
    return m_name->text();
}

QString MemberPanel::balanceText() const
{
    return m_balance->text();
}

QString MemberPanel::earnText() const
{
    return m_earn->text();
}

}  // namespace loyalty
