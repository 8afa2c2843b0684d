#pragma once

#include <QDialog>

class QDoubleSpinBox;

namespace loyalty {

// How much of the member's cashback wallet pays for this sale: the balance, the most this basket
// takes, and the amount (Enter confirms, 0 takes the wallet off again).
class WalletSpendDialog final : public QDialog
{
    Q_OBJECT

public:
    WalletSpendDialog(qint64 walletMinor, qint64 maxMinor, const QString& currency, qint64 currentMinor,
                      QWidget* parent = nullptr);

    qint64 amountMinor() const;
    QDoubleSpinBox* amountField() const { return m_amount; }

private:
    qint64 m_minorPerMajor;
    QDoubleSpinBox* m_amount;
};

}  // namespace loyalty
