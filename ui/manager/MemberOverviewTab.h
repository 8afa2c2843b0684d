#pragma once

#include "profile/MemberProfile.h"

#include <QWidget>

#include <optional>

class QChartView;
class QGridLayout;
class QLabel;
class QProgressBar;
class QTableWidget;
class QVBoxLayout;

namespace loyalty {

struct CustomerHint;

// The member page's first tab: the balances a manager is asked about, each with its picture — the
// points lots and when they expire (table and bar chart), wallet, stamp cards, tier and progress,
// and what the customer is worth to the branch.
class MemberOverviewTab final : public QWidget
{
    Q_OBJECT

public:
    explicit MemberOverviewTab(QWidget* parent = nullptr);

    void show(const MemberProfile& profile, const std::optional<CustomerHint>& hint);

    QString pointsText() const;
    QString walletText() const;
    QTableWidget* lotsTable() const { return m_lots; }

private:
    void showLots(const MemberProfile& profile);
    void showStampCards(const MemberProfile& profile);

    QLabel* m_points;
    QLabel* m_pointsDetail;
    QLabel* m_wallet;
    QLabel* m_tier;
    QProgressBar* m_tierProgress;
    QLabel* m_value;
    QTableWidget* m_lots;
    QChartView* m_lotsChart;
    QVBoxLayout* m_stampCards;
};

}  // namespace loyalty
