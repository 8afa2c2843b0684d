#include "sale/SaleHistory.h"

#include "store/StoreError.h"

#include <QSqlQuery>

#include <algorithm>

namespace loyalty {

SaleHistory::SaleHistory(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<QList<SaleSummary>> SaleHistory::recent(int limit) const
{
    QSqlQuery query(m_db);
    // completed_at is indexed; the id breaks ties between sales stamped in the same millisecond.
    query.prepare(QStringLiteral("SELECT s.id, s.uuid, s.completed_at, s.member_id, m.name, s.card_number,"
                                 " s.total_minor, s.currency, s.points_earned,"
                                 " (SELECT coalesce(sum(l.quantity), 0) FROM sale_lines l WHERE l.sale_id = s.id)"
                                 " FROM sales s LEFT JOIN members m ON m.id = s.member_id"
                                 " ORDER BY s.completed_at DESC, s.id DESC LIMIT ?"));
    // SQLite reads a negative LIMIT as "no limit"; a caller asking for less than nothing gets nothing.
    query.bindValue(0, std::max(limit, 0));
    if (!query.exec())
        return StoreError::from(query.lastError());
    QList<SaleSummary> sales;
    while (query.next()) {
        SaleSummary sale;
        sale.id = query.value(0).toLongLong();
        sale.uuid = query.value(1).toString();
        sale.completedAt = query.value(2).toString();
        if (!query.value(3).isNull())
            sale.memberId = query.value(3).toLongLong();
        sale.memberName = query.value(4).toString();
        sale.cardNumber = query.value(5).toString();
        sale.total = Money(query.value(6).toLongLong(), query.value(7).toString());
        sale.pointsEarned = query.value(8).toLongLong();
        sale.itemCount = query.value(9).toLongLong();
        sales.append(sale);
    }
    return sales;
}

}  // namespace loyalty
