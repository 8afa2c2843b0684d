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
class ExpiryRun final
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryRun)

public:
    static inline const QString kPointsExpiredEvent = QStringLiteral("points.expired");
    static inline const QString kReason = QStringLiteral("expiry");

    ExpiryRun(const QSqlDatabase& db, QString tillId);

    // How many members had points expire at `at` (lots with expires_on on or before its local day).
    Result<int> run(const QDateTime& at, const Programme& programme);

private:
    QSqlDatabase m_db;
    QString m_tillId;
};

}  // namespace loyalty
