#pragma once

#include "money/Points.h"

#include <QString>

namespace loyalty {

// An entry of the reward catalogue: a product for `points`. A FreeProduct reward makes one such
// product in the basket free; an Addon adds it for free.
struct RewardDefinition
{
    enum class Kind
    {
        FreeProduct,
        Addon
    };
    QString id;
    QString name;
    Points points = 0;
    Kind kind = Kind::FreeProduct;
    QString ean;
};

}  // namespace loyalty
