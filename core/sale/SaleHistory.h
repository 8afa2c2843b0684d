#pragma once

#include "common/Result.h"
#include "sale/SaleSummary.h"

#include <QList>
#include <QSqlDatabase>

namespace loyalty {

// Reads completed sales back, newest first, for reports and loyalty-ctl; it never writes.
class SaleHistory final
{
public:
    explicit SaleHistory(const QSqlDatabase& db);

    // At most `limit` sales, the most recently completed first.
    Result<QList<SaleSummary>> recent(int limit) const;

private:
    QSqlDatabase m_db;
};

}  // namespace loyalty
