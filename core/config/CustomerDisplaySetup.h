#pragma once

#include <QString>

namespace loyalty {

// The customer-facing window on a second screen of this workstation.
struct CustomerDisplaySetup
{
    bool enabled = false;
    QString screenName;  // QScreen::name(); empty: the first screen that is not the till's

    friend bool operator==(const CustomerDisplaySetup&, const CustomerDisplaySetup&) = default;
};

}  // namespace loyalty
