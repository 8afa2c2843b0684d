#include "loyalty/WalletSpendDialog.h"

#include "money/CurrencyInfo.h"
#include "money/MoneyFormatter.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace loyalty {

WalletSpendDialog::WalletSpendDialog(qint64 walletMinor, qint64 maxMinor, const QString& currency, qint64 currentMinor,
                                     QWidget* parent)
    : QDialog(parent)
    , m_minorPerMajor(std::max<qint64>(1, CurrencyInfo::of(currency).minorPerMajor))
    , m_amount(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("walletSpendDialog"));
    setWindowTitle(tr("Pay from the wallet"));
    setMinimumWidth(520);
    const MoneyFormatter money;
    const qint64 maximum = std::clamp<qint64>(maxMinor, 0, std::max<qint64>(0, walletMinor));
    auto* balance = new QLabel(tr("The wallet holds %1.").arg(money.format(Money(walletMinor, currency))), this);
    balance->setObjectName(QStringLiteral("walletBalanceLabel"));
    auto* limit = new QLabel(maximum > 0 ? tr("At most %1 on this basket.").arg(money.format(Money(maximum, currency)))
                                         : tr("✖ Nothing can be paid from the wallet on this basket."),
                             this);
    limit->setObjectName(QStringLiteral("walletLimitLabel"));
    limit->setWordWrap(true);

    m_amount->setObjectName(QStringLiteral("walletAmountSpinBox"));
    m_amount->setAccessibleName(tr("Amount from the wallet"));
    m_amount->setDecimals(CurrencyInfo::of(currency).minorDigits);
    m_amount->setRange(0.0, double(maximum) / double(m_minorPerMajor));
    m_amount->setSingleStep(1.0);
    m_amount->setSuffix(QStringLiteral(" ") + CurrencyInfo::of(currency).symbol);
    m_amount->setValue(double(currentMinor > 0 ? std::min(currentMinor, maximum) : maximum) / double(m_minorPerMajor));
    m_amount->setGroupSeparatorShown(true);
    m_amount->selectAll();

    auto* form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->addRow(tr("&Amount"), m_amount);

    auto* buttons = new QDialogButtonBox(this);
    auto* pay = buttons->addButton(tr("&Use wallet"), QDialogButtonBox::AcceptRole);
    pay->setObjectName(QStringLiteral("useWalletButton"));
    pay->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(balance);
    layout->addWidget(limit);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_amount->setFocus();
}

qint64 WalletSpendDialog::amountMinor() const
{
    // The spin box holds at most the currency's minor digits, so rounding recovers the exact amount.
    return std::llround(m_amount->value() * double(m_minorPerMajor));
}

}  // namespace loyalty
