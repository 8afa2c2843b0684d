#include "catalog/ProductRepository.h"

#include "barcode/Gtin.h"
#include "store/StoreError.h"

namespace loyalty {

namespace {
const QString kColumns = QStringLiteral("id, ean, name, price_minor, currency, category, earns_points, discountable");
}

ProductRepository::ProductRepository(const QSqlDatabase& db)
    : m_db(db)
    , m_byEan(db)
{
    m_byEan.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM products WHERE ean = ?"));
}

Product ProductRepository::fromRow(const QSqlQuery& query)
{
    return Product{query.value(0).toLongLong(), query.value(1).toString(),
                   query.value(2).toString(),   Money(query.value(3).toLongLong(), query.value(4).toString()),
                   query.value(5).toString(),   query.value(6).toBool(),
                   query.value(7).toBool()};
}

Result<std::optional<Product>> ProductRepository::findByEan(const QString& ean)
{
    m_byEan.bindValue(0, Gtin::toEan13Key(ean));
    if (!m_byEan.exec())
        return StoreError::from(m_byEan.lastError());
    if (!m_byEan.next())
        return std::optional<Product>();
    Product product = fromRow(m_byEan);
    m_byEan.finish();
    return std::optional<Product>(product);
}

Result<QList<Product>> ProductRepository::list(int limit) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM products ORDER BY id LIMIT ?"));
    query.bindValue(0, limit);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QList<Product> products;
    while (query.next())
        products.append(fromRow(query));
    return products;
}

}  // namespace loyalty
