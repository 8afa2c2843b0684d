#pragma once

#include "cards/digital/RotatingCodeSigner.h"

namespace loyalty {

// How strictly a till checks digital cards' times.
struct DigitalCardPolicy
{
    // Rotating codes: length of a time step and how many steps either side of now are accepted.
    int stepSeconds = RotatingCodeSigner::kDefaultStepSeconds;
    int stepWindow = 1;
    // Tolerance for head office's and the till's clocks disagreeing about an issue time.
    int clockSkewSeconds = 300;
};

}  // namespace loyalty
