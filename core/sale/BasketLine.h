#pragma once

#include "catalog/Product.h"

namespace loyalty {

// A product and how many of it the customer buys.
struct BasketLine
{
    Product product;
    qint64 quantity = 1;

    Money total() const { return product.price.times(quantity); }
};

}  // namespace loyalty
