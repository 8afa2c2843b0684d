#pragma once

#include "common/Error.h"

#include <QCoreApplication>

#include <optional>

namespace loyalty {

// What a scanner set to the US keyboard layout types when the till uses another layout: the
// scanner sends key positions, the till reads them with its own layout. Maps such text back to
// what the scanner meant, for the characters card and barcode data use (digits, letters, space,
// "%;=?^/-.").
//
//   US sends   German QWERTZ   French AZERTY
//   1234567890 1234567890      &é"'(-è_çà      (AZERTY needs Shift for digits)
//   ;          ö               m
//   =          ´ (dead key)    =
//   ?          _               §
//   ^          &               6
//   %          %               5
//   /          -               !
//   -          ß               )
//   letters    Y and Z swapped A/Q and W/Z swapped, M arrives as "," (Shift: "?")
class KeyboardLayout final
{
    Q_DECLARE_TR_FUNCTIONS(KeyboardLayout)

public:
    enum class Layout
    {
        GermanQwertz,
        FrenchAzerty,
    };

    static constexpr Layout kLayouts[] = {Layout::GermanQwertz, Layout::FrenchAzerty};

    // The text a US-layout scanner meant when the till read it with `layout`, or nullopt when the
    // text holds a character that layout cannot produce from scanner data.
    static std::optional<QString> toUs(QStringView text, Layout layout);

    // The refusal telling the cashier what to do (reason "keyboard_layout").
    static Error refusal(Layout layout);
};

}  // namespace loyalty
