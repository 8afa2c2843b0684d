#pragma once

#include "account/PointsMovement.h"
#include "common/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Reads one member's points-account entries in ledger order (index ledger_entries_account), the
// input PointsLots replays.
class PointsHistory final
{
public:
    explicit PointsHistory(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(PointsHistory)

    Result<QList<PointsMovement>> movements(qint64 memberId);

private:
    QSqlQuery m_select;
};

}  // namespace loyalty
