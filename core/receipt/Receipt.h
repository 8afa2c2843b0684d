#pragma once

#include "receipt/ReceiptLine.h"

#include <QList>
#include <QString>

namespace loyalty {

// A composed receipt: what is printed, line by line, for one sale (the first print or a copy).
struct Receipt
{
    qint64 saleId = 0;
    QString saleUuid;
    bool copy = false;
    QList<ReceiptLine> lines;
};

}  // namespace loyalty
