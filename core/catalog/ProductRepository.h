#pragma once

#include "catalog/Product.h"
#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace loyalty {

// Looks up the product catalogue held on the till.
class ProductRepository final
{
public:
    explicit ProductRepository(const QSqlDatabase& db);

    // Accepts EAN-8, UPC-A (as its EAN-13 form) and EAN-13.
    Result<std::optional<Product>> findByEan(const QString& ean);
    Result<QList<Product>> list(int limit) const;

private:
    static Product fromRow(const QSqlQuery& query);

    QSqlDatabase m_db;
    QSqlQuery m_byEan;
};

}  // namespace loyalty
