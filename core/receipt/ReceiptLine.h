#pragma once

#include <QString>

namespace loyalty {

// One line of a receipt, independent of the device that prints it (thermal printer, office printer, PDF).
struct ReceiptLine
{
    enum class Kind
    {
        Heading,
        Text,
        Amount,
        Separator,
        Qr,
        Spacer,
    };
    enum class Align
    {
        Left,
        Center,
    };

    Kind kind = Kind::Text;
    QString text;    // Heading/Text: the text; Amount: the left column; Qr: the payload to encode
    QString amount;  // Amount: the right column, already formatted ("12,50 €", "+24 P")
    Align align = Align::Left;
    bool bold = false;
    bool large = false;  // double size on thermal printers
};

}  // namespace loyalty
