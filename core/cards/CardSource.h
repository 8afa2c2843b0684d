#pragma once

#include <QString>

namespace loyalty {

// The device a read came from; some checks depend on it (e.g. typed by hand vs scanned).
enum class CardSource
{
    KeyboardWedge,  // a USB scanner or stripe reader typing as a keyboard
    Typed,          // a person typing on purpose
    Serial,         // a scanner on a serial port
    Nfc,            // a PC/SC contactless reader
    CommandLine,    // loyalty-ctl decode / sale
};

QString toStorage(CardSource source);

}  // namespace loyalty
