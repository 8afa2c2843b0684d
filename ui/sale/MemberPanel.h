#pragma once

#include <QFrame>
#include <QList>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace loyalty {

class SaleSession;

// The right-hand panel: the member on the sale and where they stand — points, wallet, tier and the
// way to the next one, stamp cards, expiring points, membership — and what this sale earns; after
// completion, what the sale gave and the new balance; calm and empty when no member is scanned.
class MemberPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit MemberPanel(QWidget* parent = nullptr);

    void showSession(const SaleSession& session);

    QString memberName() const;
    QString balanceText() const;
    QString walletText() const;
    QString tierText() const;
    QString tierProgressText() const;
    QStringList stampCardTexts() const;
    QString expiringText() const;
    QString membershipText() const;
    QString earnText() const;

private:
    struct StampRow
    {
        QString cardId;
        QLabel* label;
        QProgressBar* bar;
    };

    void showNoMember(const SaleSession& session);
    void showMember(const SaleSession& session);
    void showCompleted(const SaleSession& session);
    void showStanding(const SaleSession& session);
    void showTier(const SaleSession& session);
    void showStampCards(const SaleSession& session);
    void hideStanding();

    QLabel* m_heading;
    QLabel* m_tier;
    QLabel* m_name;
    QLabel* m_card;
    QLabel* m_balance;
    QLabel* m_wallet;
    QLabel* m_tierProgress;
    QProgressBar* m_tierBar;
    QVBoxLayout* m_stampLayout;
    QList<StampRow> m_stampRows;
    QLabel* m_expiring;
    QLabel* m_membership;
    QLabel* m_saleHeading;
    QLabel* m_earn;
    QLabel* m_hint;
};

}  // namespace loyalty
