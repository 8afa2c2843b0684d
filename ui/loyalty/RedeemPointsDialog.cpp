#include "loyalty/RedeemPointsDialog.h"

#include "money/MoneyFormatter.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace loyalty {

RedeemPointsDialog::RedeemPointsDialog(Points available, Points maxForBasket, const RedemptionPolicy& policy,
                                       const QString& currency, Points current, QWidget* parent)
    : QDialog(parent)
    , m_policy(policy)
    , m_currency(currency)
    , m_points(new QSpinBox(this))
    , m_value(new QLabel(this))
{
    setObjectName(QStringLiteral("redeemPointsDialog"));
    setWindowTitle(tr("Redeem points"));
    setMinimumWidth(560);
    const QLocale locale;
    const MoneyFormatter money;
    const Points step = std::max<Points>(1, policy.pointsPerStep);

    auto* have = new QLabel(tr("The member has %Ln point(s).", nullptr, int(available)), this);
    have->setObjectName(QStringLiteral("availablePointsLabel"));
    auto* conversion = new QLabel(this);
    conversion->setObjectName(QStringLiteral("conversionLabel"));
    conversion->setWordWrap(true);
    QString rule =
        tr("%Ln point(s) = %1", nullptr, int(step)).arg(money.format(Money(policy.valueMinorPerStep, currency)));
    if (policy.minimumPoints > 0)
        rule += tr("; at least %Ln point(s) at a time", nullptr, int(policy.minimumPoints));
    if (policy.maxSharePercent < 100)
        rule += tr("; at most %1 % of the basket").arg(locale.toString(policy.maxSharePercent));
    conversion->setText(rule + QLatin1Char('.'));
    auto* maximum = new QLabel(this);
    maximum->setObjectName(QStringLiteral("maximumPointsLabel"));
    maximum->setWordWrap(true);
    maximum->setText(maxForBasket > 0
                         ? tr("At most %Ln point(s) on this basket (= %1).", nullptr, int(maxForBasket))
                               .arg(money.format(Money(maxForBasket / step * policy.valueMinorPerStep, currency)))
                         : tr("✖ No points can be redeemed on this basket."));

    m_points->setObjectName(QStringLiteral("redeemPointsSpinBox"));
    m_points->setAccessibleName(tr("Points to redeem"));
    m_points->setRange(0, int(std::max<Points>(0, maxForBasket)));
    m_points->setSingleStep(int(step));
    m_points->setValue(
        int(std::clamp<Points>(current > 0 ? current : maxForBasket, 0, std::max<Points>(0, maxForBasket))));
    m_points->setGroupSeparatorShown(true);
    m_points->selectAll();
    m_value->setObjectName(QStringLiteral("redeemValueLabel"));
    connect(m_points, &QSpinBox::valueChanged, this, &RedeemPointsDialog::showValue);

    auto* form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->addRow(tr("&Points"), m_points);
    form->addRow(QString(), m_value);

    auto* buttons = new QDialogButtonBox(this);
    auto* redeem = buttons->addButton(tr("&Redeem"), QDialogButtonBox::AcceptRole);
    redeem->setObjectName(QStringLiteral("redeemButton"));
    redeem->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(have);
    layout->addWidget(conversion);
    layout->addWidget(maximum);
    layout->addLayout(form);
    layout->addWidget(buttons);
    showValue();
    m_points->setFocus();
}

Points RedeemPointsDialog::points() const
{
    return m_points->value();
}

void RedeemPointsDialog::showValue()
{
    const Points step = std::max<Points>(1, m_policy.pointsPerStep);
    const Points points = m_points->value();
    if (points == 0) {
        m_value->setText(tr("0 takes the redemption off this sale."));
        return;
    }
    const Money value(points / step * m_policy.valueMinorPerStep, m_currency);
    QString text = tr("= %1 off").arg(MoneyFormatter().format(value));
    if (points % step != 0)
        text += tr(" (only steps of %Ln point(s) count)", nullptr, int(step));
    m_value->setText(text);
}

}  // namespace loyalty
