#pragma once

#include "cards/CardFormatDecoder.h"

#include <QCoreApplication>

namespace loyalty {

// EAN-13, EAN-8, UPC-A and GTIN-14 barcodes: an EAN-13 in the programme's GS1 in-store range (its
// card prefix) is a loyalty card, every other GTIN a product.
class GtinDecoder final : public CardFormatDecoder
{
    Q_DECLARE_TR_FUNCTIONS(GtinDecoder)

public:
    explicit GtinDecoder(const QString& cardPrefix);
    Q_DISABLE_COPY_MOVE(GtinDecoder)

    // nullopt unless the text is 8, 12, 13 or 14 digits; a refusal with reason "check_digit" when
    // the check digit is wrong.
    std::optional<Result<CardRead>> decode(const QString& text, CardSource source) const override;

private:
    QString m_cardPrefix;
};

}  // namespace loyalty
