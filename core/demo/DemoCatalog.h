#pragma once

#include <QString>

#include <vector>

namespace loyalty {

// The shape of the demo shop's assortment: categories with their loyalty flags and article names.
struct DemoCategory
{
    QString name;
    bool earnsPoints;
    bool discountable;
    qint64 minPriceMinor;
    qint64 maxPriceMinor;
    std::vector<QString> articles;
};

const std::vector<DemoCategory>& demoCategories();
const std::vector<QString>& demoGivenNames();
const std::vector<QString>& demoFamilyNames();

}  // namespace loyalty
