#pragma once

#include "cards/CardFormatDecoder.h"

namespace loyalty {

// Alphanumeric loyalty numbers printed as Code 128: the programme's prefix, then upper-case
// letters, digits and "-", 6 to 24 characters in all. Scanners check the Code 128 mod-103 symbol
// and do not transmit it, so charset, length and prefix are all that is left to check.
class Code128Decoder final : public CardFormatDecoder
{
public:
    static inline const QString kDefaultPrefix = QStringLiteral("LT");
    static constexpr qsizetype kMinLength = 6;
    static constexpr qsizetype kMaxLength = 24;

    // An empty prefix turns Code 128 loyalty numbers off: without it any word would match.
    explicit Code128Decoder(const QString& prefix = kDefaultPrefix);
    Q_DISABLE_COPY_MOVE(Code128Decoder)

    // nullopt unless the text is such a number. Lower case (a scanner with Caps Lock on) is accepted
    // and normalised to upper case.
    std::optional<Result<CardRead>> decode(const QString& text, CardSource source) const override;

private:
    QString m_prefix;
};

}  // namespace loyalty
