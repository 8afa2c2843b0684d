#pragma once

#include <QString>

namespace loyalty {

// One article of the demo shop's catalogue.
struct DemoProduct
{
    int index = 0;  // 0-based; the till's product id is index + 1
    QString ean;
    QString name;
    qint64 priceMinor = 0;
    QString category;
    bool earnsPoints = true;
    bool discountable = true;
};

}  // namespace loyalty
