#include "receipt/ReceiptSource.h"

#include "receipt/ReceiptComposer.h"

namespace loyalty {

ReceiptSource::ReceiptSource(const QSqlDatabase& db, const QLocale& locale, std::optional<DigitalCardIssuer> cardIssuer)
    : m_reader(db, std::move(cardIssuer))
    , m_locale(locale)
{
}

Result<Receipt> ReceiptSource::receiptFor(qint64 saleId, bool copy) const
{
    auto data = m_reader.read(saleId);
    if (!data)
        return data.error();
    return ReceiptComposer(m_locale).compose(*data, copy);
}

}  // namespace loyalty
