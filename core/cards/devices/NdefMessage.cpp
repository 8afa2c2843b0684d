#include "cards/devices/NdefMessage.h"

namespace loyalty {

namespace {

constexpr quint8 kMessageBegin = 0x80;
constexpr quint8 kMessageEnd = 0x40;
constexpr quint8 kChunk = 0x20;
constexpr quint8 kShortRecord = 0x10;
constexpr quint8 kIdLength = 0x08;
constexpr quint8 kTnfMask = 0x07;

constexpr quint8 kTlvNull = 0x00;
constexpr quint8 kTlvNdefMessage = 0x03;
constexpr quint8 kTlvTerminator = 0xfe;

quint8 byteAt(const QByteArray& bytes, qsizetype index)
{
    return static_cast<quint8>(bytes.at(index));
}

}  // namespace

Error NdefMessage::malformed(const QString& message)
{
    return Error{Error::Code::InvalidInput, message, QStringLiteral("ndef_malformed")};
}

Error NdefMessage::truncated()
{
    return Error{Error::Code::InvalidInput, tr("The tag's data ends too early — hold the card still on the reader."),
                 QStringLiteral("ndef_truncated")};
}

Result<NdefMessage> NdefMessage::parse(const QByteArray& bytes)
{
    NdefMessage message;
    qsizetype pos = 0;
    bool ended = false;
    while (!ended) {
        if (pos >= bytes.size())
            return truncated();
        const quint8 header = byteAt(bytes, pos++);
        if (message.m_records.isEmpty() && !(header & kMessageBegin))
            return malformed(tr("The tag's data is not a valid NFC message."));
        if (!message.m_records.isEmpty() && (header & kMessageBegin))
            return malformed(tr("The tag's data is not a valid NFC message."));
        if (header & kChunk)
            return malformed(tr("The tag uses chunked NFC records, which the till does not read."));
        const qsizetype fixed = 1 + ((header & kShortRecord) ? 1 : 4) + ((header & kIdLength) ? 1 : 0);
        if (pos + fixed > bytes.size())
            return truncated();
        const qsizetype typeLength = byteAt(bytes, pos++);
        quint32 payloadLength = 0;
        if (header & kShortRecord) {
            payloadLength = byteAt(bytes, pos++);
        } else {
            for (int i = 0; i < 4; ++i)
                payloadLength = (payloadLength << 8) | byteAt(bytes, pos++);
        }
        const qsizetype idLength = (header & kIdLength) ? byteAt(bytes, pos++) : 0;
        const qsizetype left = bytes.size() - pos;
        if (static_cast<qint64>(typeLength) + idLength + static_cast<qint64>(payloadLength) > left)
            return truncated();

        NdefRecord record;
        record.tnf = header & kTnfMask;
        if (record.tnf == NdefRecord::Unchanged || record.tnf > NdefRecord::Unchanged)
            return malformed(tr("The tag's data is not a valid NFC message."));
        record.type = bytes.mid(pos, typeLength);
        pos += typeLength;
        record.id = bytes.mid(pos, idLength);
        pos += idLength;
        record.payload = bytes.mid(pos, payloadLength);
        pos += payloadLength;
        message.m_records.append(record);
        ended = (header & kMessageEnd) != 0;
    }
    if (pos != bytes.size())
        return malformed(tr("The tag's data is not a valid NFC message."));
    return message;
}

Result<NdefMessage> NdefMessage::fromType2Tag(const QByteArray& dataArea)
{
    qsizetype pos = 0;
    while (pos < dataArea.size()) {
        const quint8 tag = byteAt(dataArea, pos++);
        if (tag == kTlvNull)
            continue;
        if (tag == kTlvTerminator)
            break;
        if (pos >= dataArea.size())
            return truncated();
        qsizetype length = byteAt(dataArea, pos++);
        if (length == 0xff) {
            if (pos + 2 > dataArea.size())
                return truncated();
            length = (qsizetype{byteAt(dataArea, pos)} << 8) | byteAt(dataArea, pos + 1);
            pos += 2;
        }
        if (pos + length > dataArea.size())
            return truncated();
        if (tag == kTlvNdefMessage) {
            if (length == 0)
                break;  // formatted, but empty
            Result<NdefMessage> message = parse(dataArea.mid(pos, length));
            if (!message.ok() && message.error().reason == QStringLiteral("ndef_truncated"))
                return malformed(tr("The tag's data is not a valid NFC message."));  // the TLV said it was all
            return message;
        }
        pos += length;  // lock control, memory control, proprietary: skip
    }
    return Error{Error::Code::NotFound, tr("The tag carries no NFC message."), QStringLiteral("ndef_absent")};
}

std::optional<QString> NdefMessage::firstText() const
{
    for (const NdefRecord& record : m_records) {
        if (auto text = record.text())
            return text;
    }
    return std::nullopt;
}

std::optional<QString> NdefMessage::firstUri() const
{
    for (const NdefRecord& record : m_records) {
        if (auto uri = record.uri())
            return uri;
    }
    return std::nullopt;
}

}  // namespace loyalty
