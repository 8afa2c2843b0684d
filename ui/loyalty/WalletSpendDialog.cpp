#include "loyalty/WalletSpendDialog.h"

#include "money/MoneyFormatter.h"
#include "money/MoneyParser.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace loyalty {

WalletSpendDialog::WalletSpendDialog(qint64 walletMinor, qint64 maxMinor, const QString& currency, qint64 currentMinor,
                                     QWidget* parent)
    : QDialog(parent)
    , m_currency(CurrencyInfo::of(currency))
    , m_maximum(std::clamp<qint64>(maxMinor, 0, std::max<qint64>(0, walletMinor)))
    , m_amount(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("walletSpendDialog"));
    setWindowTitle(tr("Pay from the wallet"));
    setMinimumWidth(520);
    const MoneyFormatter money;
    auto* balance = new QLabel(tr("The wallet holds %1.").arg(money.format(Money(walletMinor, currency))), this);
    balance->setObjectName(QStringLiteral("walletBalanceLabel"));
    auto* limit =
        new QLabel(m_maximum > 0 ? tr("At most %1 on this basket.").arg(money.format(Money(m_maximum, currency)))
                                 : tr("✖ Nothing can be paid from the wallet on this basket."),
                   this);
    limit->setObjectName(QStringLiteral("walletLimitLabel"));
    limit->setWordWrap(true);

    m_amount->setObjectName(QStringLiteral("walletAmountField"));
    m_amount->setAccessibleName(tr("Amount from the wallet"));
    m_amount->setText(
        money.formatNumber(Money(currentMinor > 0 ? std::min(currentMinor, m_maximum) : m_maximum, currency)));
    m_amount->selectAll();
    m_problem->setObjectName(QStringLiteral("walletProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto* form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->addRow(tr("&Amount (%1)").arg(m_currency.symbol), m_amount);

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
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_amount->setFocus();
}

void WalletSpendDialog::accept()
{
    const auto parsed = MoneyParser::parseMinor(m_amount->text(), m_currency);
    QString problem;
    if (!parsed)
        problem = tr("✖ \"%1\" is not an amount. Type it like %2.")
                      .arg(m_amount->text(), MoneyFormatter().formatNumber(Money(1250, m_currency.code)));
    else if (*parsed > m_maximum)
        problem = tr("✖ At most %1 can be paid from the wallet on this basket.")
                      .arg(MoneyFormatter().format(Money(m_maximum, m_currency.code)));
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        m_amount->selectAll();
        m_amount->setFocus();
        return;
    }
    m_amountMinor = *parsed;
    QDialog::accept();
}

}  // namespace loyalty
