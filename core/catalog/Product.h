#pragma once

#include "money/Money.h"

namespace loyalty {

// An article the till sells, keyed by its GTIN.
struct Product
{
    qint64 id = 0;
    QString ean;
    QString name;
    Money price;
    QString category;
    bool earnsPoints = true;   // deposits and gift cards earn nothing
    bool discountable = true;  // books (fixed prices) and tobacco must not be discounted
};

}  // namespace loyalty
