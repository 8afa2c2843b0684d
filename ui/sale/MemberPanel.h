#pragma once

#include <QFrame>
#include <QList>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace loyalty {

class Clock;
class CustomerValueHint;
class Database;
class SaleSession;

// The right-hand panel: the member on the sale and where they stand — points, wallet, tier and the
// way to the next one, stamp cards, expiring points, membership — and what this sale earns; after
// completion, what the sale gave and the new balance; calm and empty when no member is scanned.
class MemberPanel final : public QFrame
{
    Q_OBJECT

public:
    explicit MemberPanel(QWidget* parent = nullptr);
    ~MemberPanel() override;

    // Shows CustomerValueHint's line ("A customer", expiring points with the reward to offer) for
    // the member on the sale. Off until called; the panel keeps the one instance the hint caches in.
    void enableCustomerHints(const Database& database, const Clock& clock);

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
    // The customer-value hint as shown (symbol and text); empty when there is none.
    QString customerHintText() const;

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
    void showCustomerHint(const SaleSession& session);
    void clearCustomerHint();

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
    QLabel* m_customerHint;
    std::unique_ptr<CustomerValueHint> m_hints;
    std::optional<qint64> m_hintMemberId;  // the member the shown hint was read for
};

}  // namespace loyalty
