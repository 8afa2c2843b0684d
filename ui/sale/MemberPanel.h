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
    // The day's A-customer threshold is computed in the background (CustomerValueHint::
    // warmUpInBackground): until it is there the line leaves the A-customer part out, and the line
    // of the member on the panel is read again once it has come.
    void enableCustomerHints(const Database& database, const Clock& clock);
    // Whether the A-customer part can show (the day's threshold is at hand).
    bool customerHintsReady() const;

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
    // The customer-value hint (symbol and text) in full; empty when there is none. On screen it is
    // one line, elided with "…" when the panel is narrower; the full text is its tooltip and
    // accessible description.
    QString customerHintText() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

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
    void elideCustomerHint();

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
    // The session the hint was read from, to read it again when the threshold comes in; the sale
    // screen's session outlives its panel.
    const SaleSession* m_hintSession = nullptr;
    QString m_customerHintFull;
    // The hint shown is about expiring points: the panel's own expiring line stays hidden.
    bool m_hintCoversExpiring = false;
};

}  // namespace loyalty
