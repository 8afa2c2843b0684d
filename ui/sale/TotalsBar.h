#pragma once

#include <QFrame>

class QLabel;

namespace loyalty {

class SaleSession;

// Item count, the basket total, the savings (when there are any) and the amount to pay, which is
// the largest text on the screen.
class TotalsBar final : public QFrame
{
    Q_OBJECT

public:
    explicit TotalsBar(QWidget* parent = nullptr);

    void showSession(const SaleSession& session);
    // The amount to pay.
    QString totalText() const;
    QString subtotalText() const;
    // Empty when nothing is taken off.
    QString discountText() const;

private:
    QLabel* m_items;
    QLabel* m_subtotal;
    QLabel* m_discount;
    QLabel* m_totalCaption;
    QLabel* m_total;
};

}  // namespace loyalty
