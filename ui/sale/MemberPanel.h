#pragma once

#include <QFrame>

class QLabel;

namespace loyalty {

class SaleSession;

// The right-hand panel: the member on the sale, their balance and what this sale earns; after
// completion, what the sale gave and the new balance; calm and empty when no member is scanned.
class MemberPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit MemberPanel(QWidget* parent = nullptr);

    void showSession(const SaleSession& session);

    QString memberName() const;
    QString balanceText() const;
    QString earnText() const;

private:
    void showNoMember(const SaleSession& session);
    void showMember(const SaleSession& session);
    void showCompleted(const SaleSession& session);

    QLabel* m_heading;
    QLabel* m_name;
    QLabel* m_card;
    QLabel* m_balance;
    QLabel* m_saleHeading;
    QLabel* m_earn;
    QLabel* m_explanations;
};

}  // namespace loyalty
