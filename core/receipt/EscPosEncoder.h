#pragma once

#include "receipt/Receipt.h"

#include <QByteArray>

namespace loyalty {

// Turns a receipt into the ESC/POS bytes of an Epson-compatible thermal printer: initialise (ESC @),
// code page 858 (ESC t 19) with the text transcoded, bold (ESC E), double size (GS !), alignment
// (ESC a), rows laid out by ReceiptLayout, QR codes as raster images (GS v 0) as wide as the paper
// allows, and a feed with a partial cut (GS V 66) at the end. Printers without a QR command of their
// own still print the image.
class EscPosEncoder final
{
public:
    static constexpr int kMaxModuleDots = 8;     // 1 mm at 203 dpi: larger codes scan no better
    static constexpr int kQuietZoneModules = 4;  // the light margin the QR standard asks for
    static constexpr int kCutFeed = 3;           // GS V 66 n: feed n motion units past the cut position

    static int dotsFor(int paperWidthMm);  // 58 -> 384, 80 -> 576

    QByteArray encode(const Receipt& receipt, int paperWidthMm) const;
};

}  // namespace loyalty
