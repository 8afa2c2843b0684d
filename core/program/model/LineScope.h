#pragma once

#include "catalog/Product.h"

#include <QStringList>

namespace loyalty {

// Which basket lines a rule looks at: products by EAN or by category. Both lists empty means every
// line. A product matches when its EAN or its category is listed.
struct LineScope
{
    QStringList categories;
    QStringList eans;

    bool isAll() const { return categories.isEmpty() && eans.isEmpty(); }
    bool matches(const Product& product) const
    {
        return isAll() || eans.contains(product.ean) || categories.contains(product.category);
    }
};

}  // namespace loyalty
