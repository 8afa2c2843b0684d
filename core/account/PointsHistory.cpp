#include "account/PointsHistory.h"

#include "account/StoredTime.h"
#include "store/StoreError.h"

#include <QVariant>

namespace loyalty {

PointsHistory::PointsHistory(const QSqlDatabase& db)
    : m_select(db)
{
    m_select.prepare(QStringLiteral("SELECT id, points, created_at, expires_on FROM ledger_entries"
                                    " WHERE member_id = ? AND account = 'points' ORDER BY id"));
}

Result<QList<PointsMovement>> PointsHistory::movements(qint64 memberId)
{
    m_select.bindValue(0, memberId);
    if (!m_select.exec())
        return StoreError::from(m_select.lastError());
    QList<PointsMovement> movements;
    while (m_select.next()) {
        movements.append({m_select.value(0).toLongLong(), m_select.value(1).toLongLong(),
                          StoredTime::localDayOf(m_select.value(2).toString()),
                          StoredTime::parseDay(m_select.value(3).toString())});
    }
    m_select.finish();
    return movements;
}

}  // namespace loyalty
