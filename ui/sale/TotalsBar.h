#pragma once

#include <QFrame>

class QLabel;

namespace loyalty {

class SaleSession;

// Item count and the sale total, the largest text on the screen.
class TotalsBar final : public QFrame
{
    Q_OBJECT

public:
    explicit TotalsBar(QWidget* parent = nullptr);

    void showSession(const SaleSession& session);
    QString totalText() const;

private:
    QLabel* m_items;
    QLabel* m_totalCaption;
    QLabel* m_total;
};

}  // namespace loyalty
