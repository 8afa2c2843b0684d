#pragma once

#include "account/PointsHistory.h"
#include "account/TierStanding.h"
#include "common/Result.h"
#include "program/MemberStanding.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Reads what the programme needs to know about a member at a moment from the local ledger, sales
// and member rows. Every query is a per-member index lookup (members' primary key,
// ledger_entries_account, sales_member_time, remote_sales_member, member_segments' key), so it
// stays fast with a million members; the statements are prepared once and reused. Visits count
// the member's sales at every till: this till's and, once pulled, other tills' (remote_sales,
// which never holds this till's own).
class MemberStandingReader final
{
    Q_DECLARE_TR_FUNCTIONS(MemberStandingReader)

public:
    explicit MemberStandingReader(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(MemberStandingReader)

    Result<MemberStanding> read(qint64 memberId, const QDateTime& at, const Programme& programme);

    // The last valid day of a paid membership from its entries (days, local day booked) in ledger
    // order: each entry extends from the later of its day and the current end; a negative one
    // (a returned fee) shortens it. Null without entries or when it never started.
    static QDate membershipEnd(const QList<std::pair<qint64, QDate>>& entries);

private:
    Result<Done> readMember(qint64 memberId, MemberStanding& standing);
    Result<Done> readBalances(qint64 memberId, MemberStanding& standing);
    Result<Done> readMembership(qint64 memberId, MemberStanding& standing);
    Result<Done> readSales(qint64 memberId, const QDateTime& at, MemberStanding& standing);
    Result<Done> readAwards(qint64 memberId, const QDateTime& at, const Programme& programme, MemberStanding& standing);
    Result<QSet<QString>> earnReasons(qint64 memberId, const QDate& from, const QDate& until);
    Result<Done> readSegments(qint64 memberId, MemberStanding& standing);
    Result<Done> readPoints(qint64 memberId, const QDateTime& at, const Programme& programme, MemberStanding& standing);
    Result<Done> readUnconfirmedRedemptions(qint64 memberId, const QDateTime& at, MemberStanding& standing);

    QSqlQuery m_member;
    QSqlQuery m_balances;
    QSqlQuery m_membership;
    QSqlQuery m_salesBefore;
    QSqlQuery m_salesBetween;
    QSqlQuery m_remoteBefore;
    QSqlQuery m_remoteBetween;
    QSqlQuery m_earnReasons;
    QSqlQuery m_segments;
    QSqlQuery m_unconfirmedRedeemed;
    QSqlQuery m_provisioned;  // is the till synced with a head office?
    PointsHistory m_pointsHistory;
    TierStanding m_tiers;
};

}  // namespace loyalty
