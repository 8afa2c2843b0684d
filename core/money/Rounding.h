#pragma once

namespace loyalty {

// How a fraction of a minor unit is resolved. Every rule that divides money names one of these.
enum class Rounding
{
    HalfAwayFromZero,  // commercial rounding ("kaufmännisch"): 0.5 cent -> 1 cent, -0.5 -> -1
    HalfEven,          // banker's rounding: 0.5 -> 0, 1.5 -> 2
    TowardZero,        // truncate: never gives the customer more than earned
    AwayFromZero,      // any fraction rounds up in magnitude
};

}  // namespace loyalty
