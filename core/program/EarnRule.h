#pragma once

#include "money/Points.h"
#include "program/SaleEffects.h"

#include <QCoreApplication>

namespace loyalty {

class Basket;

// The base earn rate: `pointsPerUnit` points for every full `unitMinor` of spend on products that
// earn points, per sale (1 point per full euro: 12,99 € earns 12). The programme engine builds its
// richer rules on this same Effect/SaleEffects shape.
class EarnRule final
{
    Q_DECLARE_TR_FUNCTIONS(EarnRule)

public:
    static inline const QString kRuleId = QStringLiteral("earn.per_amount");

    EarnRule(qint64 unitMinor, Points pointsPerUnit);

    SaleEffects evaluate(const Basket& basket) const;

private:
    qint64 m_unitMinor;
    Points m_pointsPerUnit;
};

}  // namespace loyalty
