#pragma once

#include "common/Result.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace loyalty {

// Books the expiry of points lots whose day has come: for each member, one negative 'expire'
// entry per expired lot and one 'points.expired' outbox event, all in one transaction. The lots
// carry their own expiry day, so a programme that stopped expiring points still honours the days
// its earlier lots were given. Idempotent: the entries consume the lots they expire, so a second
// run on the same day finds nothing.
//
// Only a till that is not provisioned books expiry. Once the till is connected to head office
// (setting sync.hq_url present), head office books it — it alone sees all of a member's lots,
// including those earned and spent at other tills — and its 'expire' entries arrive as ledger
// changes (keys expire/MEMBER-UUID/DATE/n); run() then returns 0 and writes nothing, so a lot is
// never expired twice.
class ExpiryRun final
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryRun)

public:
    static inline const QString kPointsExpiredEvent = QStringLiteral("points.expired");
    static inline const QString kReason = QStringLiteral("expiry");

    ExpiryRun(const QSqlDatabase& db, QString tillId);

    // How many members had points expire at `at` (lots with expires_on on or before its local day);
    // 0 on a provisioned till.
    Result<int> run(const QDateTime& at, const Programme& programme);

private:
    QSqlDatabase m_db;
    QString m_tillId;
};

}  // namespace loyalty
