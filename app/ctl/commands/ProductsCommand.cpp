#include "commands/ProductsCommand.h"

#include "CtlTable.h"
#include "catalog/ProductRepository.h"
#include "money/MoneyFormatter.h"
#include "store/Database.h"

#include <QJsonArray>

namespace loyalty {

ProductsCommand::ProductsCommand(const Database& database)
    : m_database(database)
{
}

Result<CtlReport> ProductsCommand::run(int limit) const
{
    const auto products = ProductRepository(m_database.connection()).list(limit);
    if (!products)
        return products.error();

    const MoneyFormatter formatter;
    const auto yesNo = [](bool value) { return value ? tr("yes") : tr("no"); };
    QJsonArray rows;
    CtlTable table({{tr("EAN")},
                    {tr("Name")},
                    {tr("Price"), CtlTable::Align::Right},
                    {tr("Category")},
                    {tr("Points")},
                    {tr("Discountable")}});
    for (const Product& product : *products) {
        rows.append(QJsonObject{{QStringLiteral("ean"), product.ean},
                                {QStringLiteral("name"), product.name},
                                {QStringLiteral("price_minor"), product.price.minorUnits()},
                                {QStringLiteral("currency"), product.price.currency()},
                                {QStringLiteral("category"), product.category},
                                {QStringLiteral("earns_points"), product.earnsPoints},
                                {QStringLiteral("discountable"), product.discountable}});
        table.addRow({product.ean, product.name, formatter.format(product.price), product.category,
                      yesNo(product.earnsPoints), yesNo(product.discountable)});
    }

    CtlReport report;
    report.json = {{QStringLiteral("products"), rows}};
    report.text = table.isEmpty() ? tr("There are no products.") : table.render();
    return report;
}

}  // namespace loyalty
