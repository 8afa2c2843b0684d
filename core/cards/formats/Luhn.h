#pragma once

#include <QStringView>

namespace loyalty {

// The mod-10 check of ISO/IEC 7812 that every payment card number (PAN) ends in.
class Luhn final
{
public:
    // True if `digits` is non-empty, all ASCII digits, and its last digit is the Luhn check digit.
    static bool isValid(QStringView digits);
};

}  // namespace loyalty
