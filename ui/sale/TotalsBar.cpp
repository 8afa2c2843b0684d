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
    , m_totalCaption(new QLabel(tr("TOTAL"), this))
    , m_total(new QLabel(this))
{
    setObjectName(QStringLiteral("totalsBar"));
    m_items->setObjectName(QStringLiteral("itemCountLabel"));
    m_totalCaption->setObjectName(QStringLiteral("totalCaptionLabel"));
    m_total->setObjectName(QStringLiteral("totalLabel"));
    m_total->setAccessibleName(tr("Total"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->addWidget(m_items);
    layout->addStretch(1);
    layout->addWidget(m_totalCaption, 0, Qt::AlignBottom);
    layout->addSpacing(12);
    layout->addWidget(m_total);
}

void TotalsBar::showSession(const SaleSession& session)
{
    const Basket& basket = session.basket();
    m_items->setText(tr("Items %1").arg(QLocale().toString(basket.itemCount())));
    m_total->setText(MoneyFormatter().format(basket.total()));
}

QString TotalsBar::totalText() const
{
    return m_total->text();
}

}  // namespace loyalty
