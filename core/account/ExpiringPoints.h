#pragma once

#include "money/Points.h"

#include <QDate>

namespace loyalty {

// Points that will expire soon, for the member panel's warning.
struct ExpiringPoints
{
    Points points = 0;
    QDate firstOn;  // the first day some of them are gone; null when points is 0
};

}  // namespace loyalty
