#include "loyalty/CouponDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace loyalty {

CouponDialog::CouponDialog(const QStringList& applied, QWidget* parent)
    : QDialog(parent)
    , m_code(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("couponDialog"));
    setWindowTitle(tr("Coupon"));
    setMinimumWidth(520);
    m_code->setObjectName(QStringLiteral("couponLineEdit"));
    m_code->setPlaceholderText(tr("scan or type the code"));
    m_code->setAccessibleName(tr("Coupon code"));
    m_error->setObjectName(QStringLiteral("couponErrorLabel"));
    m_error->setVisible(false);

    auto* prompt = new QLabel(tr("Scan the coupon or type its code, then Enter."), this);
    prompt->setBuddy(m_code);
    auto* appliedLabel = new QLabel(this);
    appliedLabel->setObjectName(QStringLiteral("appliedCouponsLabel"));
    appliedLabel->setWordWrap(true);
    appliedLabel->setText(applied.isEmpty() ? tr("No coupon on this sale yet.")
                                            : tr("On this sale: %1").arg(applied.join(QStringLiteral(", "))));

    auto* buttons = new QDialogButtonBox(this);
    auto* apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(QStringLiteral("applyCouponButton"));
    apply->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &CouponDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(prompt);
    layout->addWidget(m_code);
    layout->addWidget(appliedLabel);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_code->setFocus();
}

void CouponDialog::acceptScan(const QString& code)
{
    m_code->setText(code.trimmed());
    submit();
}

QString CouponDialog::code() const
{
    return m_code->text().trimmed().toUpper();
}

void CouponDialog::submit()
{
    if (code().isEmpty()) {
        m_error->setText(tr("✖ Enter the coupon's code, or Esc to go back to the sale."));
        m_error->setVisible(true);
        m_code->setFocus();
        return;
    }
    accept();
}

}  // namespace loyalty
