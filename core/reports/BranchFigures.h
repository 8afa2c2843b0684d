#pragma once

#include "money/Points.h"
#include "reports/ReportPeriod.h"

#include <QDate>
#include <QList>
#include <QString>

namespace loyalty {

// What a branch report found for one period. Amounts are in minor units of `currency`; ratios are
// integers in per mille (rounded half up), so nothing here is floating point. Revenue is what
// customers paid: the sales' totals less their discounts (points redeemed as money off included).
struct BranchFigures
{
    // One class of the ABC analysis of members by their revenue in the period.
    struct AbcClass
    {
        qint64 members = 0;
        qint64 revenueMinor = 0;
        int revenueSharePermille = 0;  // of the members' revenue
    };

    // One reward (or way of redeeming) and how often the period's sales redeemed it.
    struct RewardUse
    {
        QString ruleId;  // "reward.coffee", "stamps.coffee.reward", "redeem.points"
        QString name;    // from the programme; translated for points redeemed as a discount
        qint64 times = 0;
        qint64 amount = 0;  // points (or stamps) taken for it
    };

    // Revenue of one day (or week) of the period, members vs. others.
    struct RevenueBucket
    {
        QDate start;  // the bucket's first local day (a Monday, or the period's first day)
        qint64 memberRevenueMinor = 0;
        qint64 otherRevenueMinor = 0;
        qint64 memberSales = 0;
        qint64 otherSales = 0;
    };

    ReportPeriod period;
    QString currency;

    qint64 sales = 0;
    qint64 memberSales = 0;
    qint64 otherSales = 0;
    qint64 revenueMinor = 0;
    qint64 memberRevenueMinor = 0;
    qint64 otherRevenueMinor = 0;
    int memberSharePermille = 0;  // member revenue of all revenue
    qint64 averageMemberBasketMinor = 0;
    qint64 averageOtherBasketMinor = 0;
    qint64 refunds = 0;  // returns booked in the period
    qint64 refundedMinor = 0;

    Points pointsIssued = 0;       // booked by the period's sales (earned, bonuses, referrals)
    Points pointsRedeemed = 0;     // taken by the period's sales (discounts and rewards)
    Points pointsExpired = 0;      // expired by expiry runs in the period
    Points pointsOutstanding = 0;  // all members' points balance now
    qint64 liabilityMinor = 0;     // what the outstanding points are worth under the active programme

    qint64 activeMembers = 0;            // members who bought in the period
    int purchaseFrequencyPermille = 0;   // member sales per active member, × 1000
    qint64 comparisonActiveMembers = 0;  // members who bought in the comparison period
    qint64 retainedMembers = 0;          // … and again in this one
    int retentionPermille = 0;           // retained of the comparison period's active members

    AbcClass classA;  // the top members making 80 % of member revenue
    AbcClass classB;  // the next 15 %
    AbcClass classC;  // the rest

    QList<RewardUse> topRewards;  // most redeemed first, at most kTopRewards
    bool weekly = false;          // the series has a bucket per week (Monday) instead of per day
    QList<RevenueBucket> series;
};

}  // namespace loyalty
