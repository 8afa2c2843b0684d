#pragma once

#include <QtGlobal>

namespace loyalty {

// Loyalty points are whole numbers; a negative amount is a redemption, expiry or reversal.
using Points = qint64;

}  // namespace loyalty
