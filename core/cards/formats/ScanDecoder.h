#pragma once

#include "cards/CardFormatDecoder.h"
#include "cards/formats/Code128Decoder.h"
#include "cards/formats/GtinDecoder.h"
#include "cards/formats/MagneticStripeDecoder.h"
#include "cards/formats/PaymentCardGuard.h"

#include <QCoreApplication>
#include <QList>

namespace loyalty {

// The decoder pipeline every scan, swipe and typed code goes through, in this order:
//   1. ScanSanitiser: terminator, empty, too_long, control_characters
//   2. keyboard layout: text a US-layout scanner typed into a German or French layout is mapped
//      back and decoded again (payment guard included); a mapped read is accepted only when it is
//      all digits (a GTIN or stripe number: the digit row maps one to one), anything else
//      (letters: Y/Z, A/Q, W/Z are ambiguous; digital cards) is refused with "keyboard_layout"
//   3. PaymentCardGuard ("payment_card"), then "non_ascii"
//   4. digital card decoders from outside (e.g. the signed QR card), in the order added
//   5. MagneticStripeDecoder (Track 1 / Track 2 loyalty stripes, "malformed_track")
//   6. GtinDecoder (EAN-13 card range, products, "check_digit")
//   7. Code128Decoder (alphanumeric card numbers)
//   8. "unknown_format"
// Steps 3 to 8 run on the text as typed and, when that gives "non_ascii" or "unknown_format", once
// more on the text mapped back from each other keyboard layout (step 2).
// No message repeats the input, and its copies are wiped when decode() returns.
class ScanDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(ScanDecoder)

public:
    explicit ScanDecoder(const QString& cardPrefix, const QList<const CardFormatDecoder*>& digitalDecoders = {},
                         const QString& code128Prefix = Code128Decoder::kDefaultPrefix);
    Q_DISABLE_COPY_MOVE(ScanDecoder)

    // `decoder` must outlive this pipeline.
    void addDecoder(const CardFormatDecoder* decoder);

    Result<CardRead> decode(const QString& raw, CardSource source) const;

    static Error unknownFormat();

private:
    Result<CardRead> decodeUsLayout(const QString& text, CardSource source) const;
    std::optional<Result<CardRead>> decodeOtherLayouts(const QString& text, CardSource source) const;

    PaymentCardGuard m_paymentGuard;
    QList<const CardFormatDecoder*> m_digitalDecoders;
    MagneticStripeDecoder m_stripe;
    GtinDecoder m_gtin;
    Code128Decoder m_code128;
};

}  // namespace loyalty
