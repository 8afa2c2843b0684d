#include "cards/formats/Code128Decoder.h"

namespace loyalty {

Code128Decoder::Code128Decoder(const QString& prefix)
    : m_prefix(prefix.toUpper())
{
}

std::optional<Result<CardRead>> Code128Decoder::decode(const QString& text, CardSource source) const
{
    if (m_prefix.isEmpty() || text.size() < kMinLength || text.size() > kMaxLength)
        return std::nullopt;
    QString number;
    number.reserve(text.size());
    for (const QChar c : text) {
        if ((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-')
            number.append(c);
        else if (c >= u'a' && c <= u'z')
            number.append(QChar(c.unicode() - u'a' + u'A'));
        else
            return std::nullopt;
    }
    if (!number.startsWith(m_prefix))
        return std::nullopt;
    return Result<CardRead>(CardRead{CardRead::Kind::LoyaltyNumber, number, source, QStringLiteral("code128")});
}

}  // namespace loyalty
