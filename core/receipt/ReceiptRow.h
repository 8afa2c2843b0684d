#pragma once

#include "receipt/ReceiptLine.h"

#include <QString>

namespace loyalty {

// One printed row of a receipt laid out in a fixed number of columns: text that already fits (half the
// columns when large), or a QR code.
struct ReceiptRow
{
    enum class Kind
    {
        Text,
        Qr,
    };

    Kind kind = Kind::Text;
    QString text;  // Text: at most the row's columns; Qr: the payload
    ReceiptLine::Align align = ReceiptLine::Align::Left;
    bool bold = false;
    bool large = false;
};

}  // namespace loyalty
