#pragma once

#include <QCoreApplication>

namespace loyalty {

// The consent a customer gives when enrolling, and its version. A change of wording gets a new
// version, so every consent record says exactly which text the customer agreed to.
class ConsentText final
{
    Q_DECLARE_TR_FUNCTIONS(ConsentText)

public:
    static QString version() { return QStringLiteral("2026-11-programme-v1"); }
    static QString text()
    {
        return tr("I want to join the loyalty programme. The shop stores my name, the contact details I give and "
                  "my purchases with the card to credit points and rewards, and keeps them until I leave the "
                  "programme. I can ask for a copy of my data, have it corrected or erased, and withdraw this "
                  "consent at any time at the till.");
    }
};

}  // namespace loyalty
