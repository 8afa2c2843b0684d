#include "sale/ScanClassifier.h"

#include "barcode/Gtin.h"

namespace loyalty {

ScanClassifier::ScanClassifier(const QString& cardPrefix)
    : m_cardPrefix(cardPrefix)
{
}

ScanClassifier::Classification ScanClassifier::classify(const QString& input) const
{
    const QString code = input.trimmed();
    if (code.isEmpty())
        return {Kind::Empty, {}, {}};
    if (!Gtin::isAllDigits(code) || !Gtin::hasGtinLength(code)) {
        return {Kind::Refused,
                {},
                {Error::Code::InvalidInput,
                 tr("Not a card or product barcode this till knows. Scan again or type the number on the card.")}};
    }
    if (!Gtin::isValid(code)) {
        return {Kind::Refused,
                {},
                {Error::Code::InvalidInput,
                 tr("The check digit does not match, so the code was misread. Scan again or type it carefully.")}};
    }
    if (code.size() == 13 && code.startsWith(m_cardPrefix))
        return {Kind::LoyaltyCard, code, {}};
    return {Kind::Product, code, {}};
}

}  // namespace loyalty
