#pragma once

#include "money/Points.h"
#include "program/model/RedemptionPolicy.h"

#include <QDialog>

class QLabel;
class QSpinBox;

namespace loyalty {

// How many points the customer redeems on this sale: what they have, what points are worth, and
// the most this basket allows; Enter confirms, 0 takes the redemption off again.
class RedeemPointsDialog final : public QDialog
{
    Q_OBJECT

public:
    RedeemPointsDialog(Points available, Points maxForBasket, const RedemptionPolicy& policy, const QString& currency,
                       Points current, QWidget* parent = nullptr);

    Points points() const;
    QSpinBox* pointsField() const { return m_points; }

private:
    void showValue();

    RedemptionPolicy m_policy;
    QString m_currency;
    QSpinBox* m_points;
    QLabel* m_value;
};

}  // namespace loyalty
