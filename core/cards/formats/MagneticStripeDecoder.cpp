#include "cards/formats/MagneticStripeDecoder.h"

#include "barcode/Gtin.h"

namespace loyalty {

namespace {

bool isNumber(QStringView digits)
{
    return digits.size() >= MagneticStripeDecoder::kMinNumberLength &&
           digits.size() <= MagneticStripeDecoder::kMaxNumberLength && Gtin::isAllDigits(digits);
}

// Track 1 carries 6-bit characters: ASCII 0x20 to 0x5F. Sentinels and separators are checked apart.
bool isTrack1Data(QChar c)
{
    return c.unicode() >= 0x20 && c.unicode() <= 0x5f && c != u'%' && c != u'?' && c != u'^';
}

}  // namespace

std::optional<Result<CardRead>> MagneticStripeDecoder::decode(const QString& text, CardSource source) const
{
    if (!text.startsWith(u'%') && !text.startsWith(u';'))
        return std::nullopt;

    QStringView rest(text);
    std::optional<QString> number1;
    if (rest.startsWith(u'%')) {
        const qsizetype end = rest.indexOf(u'?');
        if (end < 0)
            return Result<CardRead>(malformed());
        number1 = track1Number(rest.first(end + 1));
        if (!number1)
            return Result<CardRead>(malformed());
        rest = rest.sliced(end + 1);
        if (rest.isEmpty())
            return Result<CardRead>(
                CardRead{CardRead::Kind::LoyaltyNumber, *number1, source, QStringLiteral("track1")});
    }
    // A Track 2 alone, or after Track 1 when the reader sends both.
    if (!rest.startsWith(u';'))
        return Result<CardRead>(malformed());
    const auto number2 = track2Number(rest);
    if (!number2 || (number1 && *number1 != *number2))
        return Result<CardRead>(malformed());
    return Result<CardRead>(CardRead{CardRead::Kind::LoyaltyNumber, *number2, source, QStringLiteral("track2")});
}

std::optional<QString> MagneticStripeDecoder::track1Number(QStringView track)
{
    // %  format code (A-Z)  number  ^  name  ^  data  ?
    if (track.size() > kMaxTrack1Length || track.size() < 5 || !track.endsWith(u'?'))
        return std::nullopt;
    const QChar formatCode = track.at(1);
    if (formatCode < u'A' || formatCode > u'Z')
        return std::nullopt;
    const QStringView body = track.sliced(2, track.size() - 3);
    const qsizetype nameStart = body.indexOf(u'^');
    if (nameStart < 0)
        return std::nullopt;
    const qsizetype nameEnd = body.indexOf(u'^', nameStart + 1);
    if (nameEnd < 0 || nameEnd - nameStart - 1 > 26)
        return std::nullopt;
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (i != nameStart && i != nameEnd && !isTrack1Data(body.at(i)))
            return std::nullopt;
    }
    const QStringView number = body.first(nameStart);
    if (!isNumber(number))
        return std::nullopt;
    return number.toString();
}

std::optional<QString> MagneticStripeDecoder::track2Number(QStringView track)
{
    // ;  number  [=  data]  ?     (data: digits only)
    if (track.size() > kMaxTrack2Length || track.size() < 3 || !track.startsWith(u';') || !track.endsWith(u'?'))
        return std::nullopt;
    const QStringView body = track.sliced(1, track.size() - 2);
    const qsizetype separator = body.indexOf(u'=');
    const QStringView number = separator < 0 ? body : body.first(separator);
    if (!isNumber(number))
        return std::nullopt;
    if (separator >= 0) {
        const QStringView data = body.sliced(separator + 1);
        if (!data.isEmpty() && !Gtin::isAllDigits(data))
            return std::nullopt;
    }
    return number.toString();
}

Error MagneticStripeDecoder::malformed()
{
    return {Error::Code::InvalidInput,
            tr("The card's magnetic stripe was not read completely. Swipe it again in one steady movement."),
            QStringLiteral("malformed_track")};
}

}  // namespace loyalty
