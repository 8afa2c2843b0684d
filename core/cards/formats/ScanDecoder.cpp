#include "cards/formats/ScanDecoder.h"

#include "barcode/Gtin.h"
#include "cards/formats/KeyboardLayout.h"
#include "cards/formats/ScanSanitiser.h"

#include <QScopeGuard>

namespace loyalty {

namespace {

const QString kPaymentCard = QStringLiteral("payment_card");
const QString kNonAscii = QStringLiteral("non_ascii");
const QString kUnknownFormat = QStringLiteral("unknown_format");

// Refusals that may mean the text was typed with another keyboard layout.
bool mayBeLayoutDamage(const Result<CardRead>& read)
{
    return !read && (read.error().reason == kNonAscii || read.error().reason == kUnknownFormat);
}

// The digit row and the sentinels map one to one; letters do not (Y/Z, A/Q, W/Z swaps).
bool isSafelyMapped(const CardRead& read)
{
    return read.kind != CardRead::Kind::DigitalCard && Gtin::isAllDigits(read.identifier);
}

}  // namespace

ScanDecoder::ScanDecoder(const QString& cardPrefix, const QList<const CardFormatDecoder*>& digitalDecoders,
                         const QString& code128Prefix)
    : m_paymentGuard(cardPrefix)
    , m_digitalDecoders(digitalDecoders)
    , m_gtin(cardPrefix)
    , m_code128(code128Prefix)
{
    m_digitalDecoders.removeAll(nullptr);
}

void ScanDecoder::addDecoder(const CardFormatDecoder* decoder)
{
    if (decoder && !m_digitalDecoders.contains(decoder))
        m_digitalDecoders.append(decoder);
}

Error ScanDecoder::unknownFormat()
{
    return {Error::Code::InvalidInput,
            tr("Not a card or product barcode this till knows. Scan again or type the number on the card."),
            kUnknownFormat};
}

Result<CardRead> ScanDecoder::decode(const QString& raw, CardSource source) const
{
    auto sanitised = ScanSanitiser::sanitise(raw);
    if (!sanitised)
        return sanitised.error();
    // Our copies of the input are wiped when the decode is done: it may be a payment card. (The
    // caller owns `raw`; a read's identifier is a copy of its own.)
    QString text = std::move(sanitised).value();
    const auto wipe = qScopeGuard([&text] { text.fill(u'\0'); });
    auto read = decodeUsLayout(text, source);
    if (!mayBeLayoutDamage(read))
        return read;
    if (auto other = decodeOtherLayouts(text, source))
        return std::move(*other);
    return read;
}

Result<CardRead> ScanDecoder::decodeUsLayout(const QString& text, CardSource source) const
{
    // The guard first, even before the ASCII check, so that a payment card with a stray character
    // (e.g. an umlaut in the holder's name) is still refused as what it is.
    if (auto refused = m_paymentGuard.decode(text, source))
        return std::move(*refused);
    if (!ScanSanitiser::isAscii(text))
        return ScanSanitiser::nonAscii();
    for (const CardFormatDecoder* decoder : m_digitalDecoders) {
        if (auto decoded = decoder->decode(text, source))
            return std::move(*decoded);
    }
    for (const CardFormatDecoder* decoder :
         std::initializer_list<const CardFormatDecoder*>{&m_stripe, &m_gtin, &m_code128}) {
        if (auto decoded = decoder->decode(text, source))
            return std::move(*decoded);
    }
    return unknownFormat();
}

std::optional<Result<CardRead>> ScanDecoder::decodeOtherLayouts(const QString& text, CardSource source) const
{
    for (const KeyboardLayout::Layout layout : KeyboardLayout::kLayouts) {
        auto meant = KeyboardLayout::toUs(text, layout);
        const auto wipe = qScopeGuard([&meant] {
            if (meant)
                meant->fill(u'\0');
        });
        if (!meant || *meant == text)
            continue;
        auto read = decodeUsLayout(*meant, source);
        if (!read && read.error().reason == kPaymentCard)
            return read;  // whatever the layout, a payment card is refused as one
        if (mayBeLayoutDamage(read))
            continue;  // not this layout
        if (read && isSafelyMapped(*read))
            return read;
        return Result<CardRead>(KeyboardLayout::refusal(layout));
    }
    return std::nullopt;
}

}  // namespace loyalty
