#include "cards/digital/DigitalCardQr.h"

#include "cards/digital/Ed25519.h"

#include <QStringList>

#include <limits>

namespace loyalty {

namespace {

constexpr auto kBase64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool isBase64UrlCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Strict base64url: its alphabet only, no padding, and the one canonical spelling of the bytes
// (re-encoding gives the same text), so a token has exactly one written form.
std::optional<QByteArray> decodeBase64Url(const QString& text)
{
    const QByteArray ascii = text.toLatin1();
    if (ascii.isEmpty())
        return std::nullopt;
    for (const char c : ascii) {
        if (!isBase64UrlCharacter(c))
            return std::nullopt;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(ascii, kBase64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(kBase64Options) != ascii)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<quint32> decodeTimeStep(const QString& text)
{
    // Decimal without sign, spaces or leading zeros.
    if (text.isEmpty() || text.size() > 10 || (text.size() > 1 && text.front() == u'0'))
        return std::nullopt;
    quint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + quint64(c.unicode() - u'0');
    }
    if (value > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return quint32(value);
}

}  // namespace

bool DigitalCardQr::hasPrefix(const QString& text)
{
    return text.startsWith(QLatin1String("LTC1."));
}

std::optional<DigitalCardQr> DigitalCardQr::parse(const QString& text)
{
    if (!hasPrefix(text) || text.size() > kMaxTextLength)
        return std::nullopt;
    const QStringList parts = text.split(u'.');
    if (parts.size() != 3 && parts.size() != 5)
        return std::nullopt;

    DigitalCardQr qr;
    const auto payload = decodeBase64Url(parts.at(1));
    const auto signature = decodeBase64Url(parts.at(2));
    if (!payload || payload->size() > kMaxPayloadSize || !signature || signature->size() != Ed25519::kSignatureSize)
        return std::nullopt;
    qr.payload = *payload;
    qr.signature = *signature;

    if (parts.size() == 5) {
        const auto step = decodeTimeStep(parts.at(3));
        const auto deviceSignature = decodeBase64Url(parts.at(4));
        if (!step || !deviceSignature || deviceSignature->size() != Ed25519::kSignatureSize)
            return std::nullopt;
        qr.rotatingCode = RotatingCode{*step, *deviceSignature};
    }
    return qr;
}

QString DigitalCardQr::toText() const
{
    QString text = QStringLiteral("LTC1.") + QString::fromLatin1(payload.toBase64(kBase64Options)) + u'.' +
                   QString::fromLatin1(signature.toBase64(kBase64Options));
    if (rotatingCode) {
        text += u'.' + QString::number(rotatingCode->timeStep) + u'.' +
                QString::fromLatin1(rotatingCode->deviceSignature.toBase64(kBase64Options));
    }
    return text;
}

}  // namespace loyalty
