#include "sale/TotalsBar.h"

#include "money/MoneyFormatter.h"
#include "sale/SaleSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace loyalty {

TotalsBar::TotalsBar(QWidget* parent)
    : QFrame(parent)
    , m_items(new QLabel(this))
    , m_subtotal(new QLabel(this))
    , m_discount(new QLabel(this))
    , m_totalCaption(new QLabel(tr("TO PAY"), this))
    , m_total(new QLabel(this))
{
    setObjectName(QStringLiteral("totalsBar"));
    m_items->setObjectName(QStringLiteral("itemCountLabel"));
    m_subtotal->setObjectName(QStringLiteral("subtotalLabel"));
    m_discount->setObjectName(QStringLiteral("discountLabel"));
    m_totalCaption->setObjectName(QStringLiteral("totalCaptionLabel"));
    m_total->setObjectName(QStringLiteral("totalLabel"));
    m_total->setAccessibleName(tr("Amount to pay"));
    m_discount->setAccessibleName(tr("Savings"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(24);
    layout->addWidget(m_items, 0, Qt::AlignBottom);
    layout->addWidget(m_subtotal, 0, Qt::AlignBottom);
    layout->addWidget(m_discount, 0, Qt::AlignBottom);
    layout->addStretch(1);
    layout->addWidget(m_totalCaption, 0, Qt::AlignBottom);
    layout->addWidget(m_total);
}

void TotalsBar::showSession(const SaleSession& session)
{
    const Basket& basket = session.basket();
    const Evaluation& evaluation = session.effects();
    const MoneyFormatter money;
    m_items->setText(tr("Items %1").arg(QLocale().toString(basket.itemCount())));
    const bool discounted = !evaluation.discount.isZero() && !evaluation.discount.currency().isEmpty();
    m_subtotal->setText(tr("Total %1").arg(money.format(basket.total())));
    m_subtotal->setVisible(discounted);
    //: Money taken off the basket by the loyalty programme, shown with a minus sign
    m_discount->setText(discounted ? tr("Savings −%1").arg(money.format(evaluation.discount)) : QString());
    m_discount->setVisible(discounted);
    m_total->setText(money.format(discounted ? evaluation.payable : basket.total()));
}

QString TotalsBar::totalText() const
{
    return m_total->text();
}

QString TotalsBar::subtotalText() const
{
    return m_subtotal->text();
}

QString TotalsBar::discountText() const
{
    return m_discount->text();
}

}  // namespace loyalty
