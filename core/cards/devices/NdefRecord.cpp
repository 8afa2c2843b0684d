#include "cards/devices/NdefRecord.h"

#include <QStringDecoder>

#include <array>

namespace loyalty {

namespace {

// NFC Forum URI Record Type Definition, table 3: the abbreviations of URI prefixes.
constexpr std::array<const char*, 0x24> kUriPrefixes = {
    "",
    "http://www.",
    "https://www.",
    "http://",
    "https://",
    "tel:",
    "mailto:",
    "ftp://anonymous:anonymous@",
    "ftp://ftp.",
    "ftps://",
    "sftp://",
    "smb://",
    "nfs://",
    "ftp://",
    "dav://",
    "news:",
    "telnet://",
    "imap:",
    "rtsp://",
    "urn:",
    "pop:",
    "sip:",
    "sips:",
    "tftp:",
    "btspp://",
    "btl2cap://",
    "btgoep://",
    "tcpobex://",
    "irdaobex://",
    "file://",
    "urn:epc:id:",
    "urn:epc:tag:",
    "urn:epc:pat:",
    "urn:epc:raw:",
    "urn:epc:",
    "urn:nfc:",
};

}  // namespace

std::optional<QString> NdefRecord::text(QString* language) const
{
    if (tnf != WellKnown || type != "T" || payload.isEmpty())
        return std::nullopt;
    const auto status = static_cast<quint8>(payload.at(0));
    const bool utf16 = (status & 0x80) != 0;
    const int languageLength = status & 0x3f;
    if (1 + languageLength > payload.size())
        return std::nullopt;
    if (language)
        *language = QString::fromLatin1(payload.mid(1, languageLength));
    const QByteArray encoded = payload.mid(1 + languageLength);
    // UTF-16 without a byte order mark is big-endian (NFC Forum Text RTD, 3.2.1).
    QStringDecoder decoder(utf16 ? QStringDecoder::Utf16BE : QStringDecoder::Utf8,
                           QStringDecoder::Flag::ConvertInitialBom);
    if (utf16 && encoded.startsWith("\xff\xfe"))
        decoder = QStringDecoder(QStringDecoder::Utf16LE);
    QString decoded = decoder.decode(encoded);
    if (decoder.hasError())
        return std::nullopt;
    if (!decoded.isEmpty() && decoded.at(0) == QChar(0xfeff))
        decoded.remove(0, 1);
    return decoded;
}

std::optional<QString> NdefRecord::uri() const
{
    if (tnf == AbsoluteUri)
        return QString::fromUtf8(type);
    if (tnf != WellKnown || type != "U" || payload.isEmpty())
        return std::nullopt;
    const auto code = static_cast<quint8>(payload.at(0));
    if (code >= kUriPrefixes.size())
        return std::nullopt;  // reserved codes: refuse rather than guess
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString rest = decoder.decode(payload.mid(1));
    if (decoder.hasError())
        return std::nullopt;
    return QString::fromLatin1(kUriPrefixes.at(code)) + rest;
}

}  // namespace loyalty
