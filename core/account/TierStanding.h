#pragma once

#include "account/QualifyingMovement.h"
#include "account/TierProgress.h"
#include "common/Result.h"
#include "program/model/Programme.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Recomputes a member's tier from the sales and the ledger, never from a stored tier: the rolling
// qualifying value over the programme's window, and the highest tier any moment of the last
// graceDays reached (a member keeps a tier that long after falling below it). Spend counts the
// sales of every till: this till's own (sales, less refunds of earning lines) and other tills'
// as head office reported them (remote_sales: eligible less refunded eligible, at the sale's
// time). remote_sales never holds this till's sales, so nothing counts twice. Points count the
// whole ledger, which holds other tills' entries once pulled.
class TierStanding final
{
public:
    explicit TierStanding(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(TierStanding)

    // Loads the member's rows for window + grace once (indexed per member), then evaluate().
    Result<TierProgress> read(qint64 memberId, const QDateTime& at, const Programme& programme);
    Result<QList<QualifyingMovement>> movements(qint64 memberId, const QDateTime& from, const QDateTime& to,
                                                TierPolicy::Basis basis);

    // Pure: the standing at `at` from the movements (any order) that lie in
    // (at - graceDays days - months, at].
    static TierProgress evaluate(const QList<QualifyingMovement>& movements, const QDateTime& at,
                                 const Programme& programme);
    // The rolling value at `moment`: movements in (moment - months, moment], never below zero.
    static qint64 valueAt(const QList<QualifyingMovement>& movements, const QDateTime& moment, int months);
    // Index into programme.tiers of the highest tier `value` reaches; -1 without tiers.
    static int tierIndexFor(const Programme& programme, qint64 value);

private:
    QSqlQuery m_sales;
    QSqlQuery m_remoteSales;
    QSqlQuery m_refunds;
    QSqlQuery m_points;
};

}  // namespace loyalty
