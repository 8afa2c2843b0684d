#pragma once

#include <QString>

namespace loyalty::hq {

// A catalogue article as head office hands it to every till.
struct HqProduct
{
    QString ean;
    QString name;
    qint64 priceMinor = 0;
    QString currency;
    QString category;
    bool earnsPoints = true;
    bool discountable = true;
};

}  // namespace loyalty::hq
