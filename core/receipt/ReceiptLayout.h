#pragma once

#include "receipt/Receipt.h"
#include "receipt/ReceiptRow.h"

#include <QList>
#include <QStringList>

namespace loyalty {

// Lays a receipt out in the fixed columns of a thermal printer (32 at 58 mm, 48 at 80 mm; large text
// takes two columns a character): words wrapped, amounts right-aligned in their column, separators
// across the width. The ESC/POS encoder prints these rows; `loyalty-ctl receipt --text` shows them.
class ReceiptLayout final
{
public:
    static int columnsFor(int paperWidthMm);  // 58 -> 32, 80 -> 48
    static QList<ReceiptRow> layOut(const Receipt& receipt, int columns);
    // The rows as plain text, centred rows padded with blanks, a QR code as "[QR: payload]".
    static QString plainText(const Receipt& receipt, int columns);

    // Words wrapped to `columns`; a word longer than that is cut. Leading blanks indent every row.
    static QStringList wrap(const QString& text, int columns);
    // The left text wrapped, the amount right-aligned on its last row (or a row of its own).
    static QStringList amountRows(const QString& left, const QString& amount, int columns);
};

}  // namespace loyalty
