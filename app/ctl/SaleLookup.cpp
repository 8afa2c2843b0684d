#include "SaleLookup.h"

#include "store/StoreError.h"

#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace loyalty {

SaleLookup::SaleLookup(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<SaleLookup::Sale> SaleLookup::find(const QString& reference) const
{
    bool isNumber = false;
    const qint64 number = reference.toLongLong(&isNumber);
    const QUuid uuid = QUuid::fromString(reference);
    if ((!isNumber || number < 1) && uuid.isNull()) {
        return Error{
            Error::Code::InvalidInput,
            tr("\"%1\" is neither a sale number nor a sale UUID; \"loyalty-ctl sales\" lists them.").arg(reference)};
    }
    QSqlQuery query(m_db);
    if (isNumber) {
        query.prepare(QStringLiteral("SELECT id, uuid, member_id, completed_at FROM sales WHERE id = ?"));
        query.bindValue(0, number);
    } else {
        query.prepare(QStringLiteral("SELECT id, uuid, member_id, completed_at FROM sales WHERE uuid = ?"));
        query.bindValue(0, uuid.toString(QUuid::WithoutBraces));
    }
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (!query.next())
        return Error{Error::Code::NotFound, tr("There is no sale %1 at this till.").arg(reference)};
    Sale sale;
    sale.id = query.value(0).toLongLong();
    sale.uuid = query.value(1).toString();
    if (!query.value(2).isNull())
        sale.memberId = query.value(2).toLongLong();
    sale.completedAt = query.value(3).toString();
    if (auto read = readLines(sale); !read)
        return read.error();
    return sale;
}

Result<Done> SaleLookup::readLines(Sale& sale) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT l.line_no, l.ean, l.name, l.quantity,"
                                 " (SELECT coalesce(sum(rl.quantity), 0) FROM return_lines rl"
                                 "  JOIN sale_returns r ON r.id = rl.return_id"
                                 "  WHERE r.sale_id = l.sale_id AND rl.line_no = l.line_no)"
                                 " FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line_no"));
    query.bindValue(0, sale.id);
    if (!query.exec())
        return StoreError::from(query.lastError());
    while (query.next()) {
        sale.lines.append({query.value(0).toInt(), query.value(1).toString(), query.value(2).toString(),
                           query.value(3).toLongLong(), query.value(4).toLongLong()});
    }
    return Done{};
}

}  // namespace loyalty
