#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `products [--limit N]`: the catalogue in id order, with prices and loyalty flags.
class ProductsCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ProductsCommand)

public:
    explicit ProductsCommand(const Database& database);

    Result<CtlReport> run(int limit) const;

private:
    const Database& m_database;
};

}  // namespace loyalty
