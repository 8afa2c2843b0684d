#include "cards/formats/GtinDecoder.h"

#include "barcode/Gtin.h"

namespace loyalty {

namespace {

QString formatName(Gtin::Format format)
{
    switch (format) {
    case Gtin::Format::Ean8:
        return QStringLiteral("ean8");
    case Gtin::Format::UpcA:
        return QStringLiteral("upca");
    case Gtin::Format::Ean13:
        return QStringLiteral("ean13");
    case Gtin::Format::Gtin14:
        return QStringLiteral("gtin14");
    }
    return QStringLiteral("ean13");
}

}  // namespace

GtinDecoder::GtinDecoder(const QString& cardPrefix)
    : m_cardPrefix(cardPrefix)
{
}

std::optional<Result<CardRead>> GtinDecoder::decode(const QString& text, CardSource source) const
{
    if (!Gtin::isAllDigits(text) || !Gtin::hasGtinLength(text))
        return std::nullopt;
    const auto format = Gtin::formatOf(text);
    if (!format) {
        return Result<CardRead>(
            Error{Error::Code::InvalidInput,
                  tr("The check digit does not match, so the code was misread. Scan again or type it carefully."),
                  QStringLiteral("check_digit")});
    }
    if (*format == Gtin::Format::Ean13 && !m_cardPrefix.isEmpty() && text.startsWith(m_cardPrefix))
        return Result<CardRead>(CardRead{CardRead::Kind::LoyaltyNumber, text, source, QStringLiteral("ean13")});
    return Result<CardRead>(CardRead{CardRead::Kind::Product, text, source, formatName(*format)});
}

}  // namespace loyalty
