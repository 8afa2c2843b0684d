#pragma once

#include "common/Result.h"
#include "receipt/Receipt.h"
#include "receipt/ReceiptReader.h"

#include <QLocale>
#include <QSqlDatabase>

namespace loyalty {

// A sale's receipt in one call: read from the database and composed, for the first print after the
// sale and for every reprint alike.
class ReceiptSource final
{
public:
    explicit ReceiptSource(const QSqlDatabase& db, const QLocale& locale = QLocale(),
                           std::optional<DigitalCardIssuer> cardIssuer = std::nullopt);

    Result<Receipt> receiptFor(qint64 saleId, bool copy) const;

private:
    ReceiptReader m_reader;
    QLocale m_locale;
};

}  // namespace loyalty
