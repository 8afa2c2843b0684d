#pragma once

#include "common/Result.h"
#include "sync/apply/ChangeFields.h"
#include "sync/apply/ChangeOutcome.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty::sync {

class MemberIndex;

// What other tills and head office booked for members: ledger entries (keyed by origin_key; they
// carry no sale of this till), other tills' sales (remote_sales, for visits and spend in tiers and
// challenges) and single-use coupon codes used elsewhere. A change that came from this till's own
// events is left alone even if head office sends it, so nothing is ever counted twice.
class AccountChangeApplier final
{
    Q_DECLARE_TR_FUNCTIONS(AccountChangeApplier)

public:
    AccountChangeApplier(const QSqlDatabase& db, MemberIndex& members, QString tillId);
    Q_DISABLE_COPY_MOVE(AccountChangeApplier)

    Result<ChangeOutcome> ledger(const ChangeFields& change);
    Result<ChangeOutcome> sale(const ChangeFields& change);
    Result<ChangeOutcome> coupon(const ChangeFields& change);

private:
    Result<bool> isOwnEvent(const QString& originKey);
    Result<bool> isOwnSale(const QString& saleUuid);

    MemberIndex& m_members;
    QString m_tillId;
    QSqlQuery m_insertEntry;
    QSqlQuery m_ownEvent;
    QSqlQuery m_ownSale;
    QSqlQuery m_upsertSale;
    QSqlQuery m_insertCoupon;
};

}  // namespace loyalty::sync
