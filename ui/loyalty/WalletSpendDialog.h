#pragma once

#include "money/CurrencyInfo.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace loyalty {

// How much of the member's cashback wallet pays for this sale: the balance, the most this basket
// takes, and the amount typed in the locale's format (Enter confirms, 0 takes the wallet off
// again). The amount is read into minor units without floating point; a bad or too large amount
// is explained in the dialog and not accepted.
class WalletSpendDialog final : public QDialog
{
    Q_OBJECT

public:
    WalletSpendDialog(qint64 walletMinor, qint64 maxMinor, const QString& currency, qint64 currentMinor,
                      QWidget* parent = nullptr);

    qint64 amountMinor() const { return m_amountMinor; }
    QLineEdit* amountField() const { return m_amount; }

    void accept() override;

private:
    CurrencyInfo m_currency;
    qint64 m_maximum;
    qint64 m_amountMinor = 0;
    QLineEdit* m_amount;
    QLabel* m_problem;
};

}  // namespace loyalty
