#pragma once

#include "apply/CouponUse.h"
#include "common/Result.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace loyalty::hq {

class ChangeFeed;
class HqDatabase;

// Decides which use of a single-use coupon wins when offline tills used one code twice: the use
// with the earliest till time, ties by the smaller event id. That depends only on the uses, never
// on the order they arrive in; every other use is recorded in coupon_conflicts. Campaign codes of
// the programme the sale ran under may be used any number of times and are not arbitrated.
class CouponArbiter final
{
public:
    CouponArbiter(HqDatabase& database, ChangeFeed& feed, QString now);
    Q_DISABLE_COPY_MOVE(CouponArbiter)

    // Whether `code` is limited to one use under programme `programmeVersion`: campaign codes are
    // not; a code of a programme head office does not hold counts as single-use.
    Result<bool> isSingleUse(const QString& code, qint64 programmeVersion);
    // Inside the caller's transaction; appends a "coupon" change when the winner changes.
    Result<Done> use(const CouponUse& use, const QString& originTill);

private:
    Result<QSet<QString>> campaignCodes(qint64 programmeVersion);
    Result<Done> recordLoser(const CouponUse& loser);
    Result<Done> announce(const CouponUse& winner, const QString& originTill);

    HqDatabase& m_database;
    ChangeFeed& m_feed;
    QString m_now;
    QHash<qint64, QSet<QString>> m_campaignCodes;  // per programme version, read once per batch
    QSqlQuery m_select;
    QSqlQuery m_upsert;
    QSqlQuery m_conflict;
};

}  // namespace loyalty::hq
