#pragma once

#include <QString>

namespace loyalty {

// One line of a completed sale as a return sees it: what was bought, paid, and already brought back.
struct ReturnableLine
{
    int lineNo = 0;  // sale_lines.line_no
    QString ean;
    QString name;
    qint64 quantity = 0;  // bought
    qint64 returned = 0;  // brought back by earlier returns
    qint64 unitPriceMinor = 0;
    qint64 paidMinor = 0;  // what the customer paid for the whole line, after discounts

    qint64 left() const { return quantity - returned; }
};

}  // namespace loyalty
