#include "cards/digital/DigitalCardToken.h"

#include "cards/digital/Ed25519.h"

#include <limits>

namespace loyalty {

namespace {

void appendUint16(QByteArray& out, quint16 value)
{
    out.append(char(value >> 8));
    out.append(char(value & 0xff));
}

void appendUint32(QByteArray& out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

std::optional<quint32> toUnixSeconds(const QDateTime& at)
{
    if (!at.isValid())
        return std::nullopt;
    const qint64 seconds = at.toSecsSinceEpoch();
    if (seconds < 0 || seconds > qint64(std::numeric_limits<quint32>::max()))
        return std::nullopt;
    return quint32(seconds);
}

// Reads big-endian fields and remembers whether it ever ran past the end.
class PayloadReader
{
public:
    explicit PayloadReader(const QByteArray& data)
        : m_data(data)
    {
    }

    bool failed() const { return m_failed; }
    bool atEnd() const { return m_position == m_data.size(); }

    QByteArray take(qsizetype count)
    {
        if (m_failed || count > m_data.size() - m_position) {
            m_failed = true;
            return {};
        }
        const QByteArray part = m_data.mid(m_position, count);
        m_position += count;
        return part;
    }

    quint32 takeUnsigned(int bytes)
    {
        const QByteArray part = take(bytes);
        quint32 value = 0;
        for (const char byte : part)
            value = (value << 8) | quint8(byte);
        return value;
    }

private:
    const QByteArray& m_data;
    qsizetype m_position = 0;
    bool m_failed = false;
};

}  // namespace

bool DigitalCardToken::isValidCardId(const QString& cardId)
{
    if (cardId.isEmpty() || cardId.size() > kMaxCardIdLength)
        return false;
    // Visible ASCII only: no spaces, control characters or look-alike letters in a card number.
    for (const QChar c : cardId) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

std::optional<QByteArray> DigitalCardToken::encodePayload() const
{
    const auto issuedSeconds = toUnixSeconds(issued);
    const auto expirySeconds = toUnixSeconds(expiry);
    if (!isValidCardId(cardId) || !issuedSeconds || !expirySeconds)
        return std::nullopt;
    if (!devicePublicKey.isEmpty() && devicePublicKey.size() != Ed25519::kKeySize)
        return std::nullopt;

    const QByteArray id = cardId.toLatin1();
    QByteArray payload;
    payload.append(char(kVersion));
    payload.append(char(requiresRotatingCode() ? kFlagRotatingCode : 0));
    payload.append(char(id.size()));
    payload.append(id);
    appendUint32(payload, *issuedSeconds);
    appendUint32(payload, *expirySeconds);
    appendUint16(payload, keyId);
    payload.append(devicePublicKey);
    return payload;
}

std::optional<DigitalCardToken> DigitalCardToken::decodePayload(const QByteArray& payload)
{
    PayloadReader reader(payload);
    const quint32 version = reader.takeUnsigned(1);
    const quint32 flags = reader.takeUnsigned(1);
    if (reader.failed() || version != kVersion || (flags & ~quint32(kFlagRotatingCode)) != 0)
        return std::nullopt;

    DigitalCardToken token;
    const quint32 idLength = reader.takeUnsigned(1);
    const QByteArray id = reader.take(idLength);
    token.cardId = QString::fromLatin1(id);
    token.issued = QDateTime::fromSecsSinceEpoch(reader.takeUnsigned(4), Qt::UTC);
    token.expiry = QDateTime::fromSecsSinceEpoch(reader.takeUnsigned(4), Qt::UTC);
    token.keyId = quint16(reader.takeUnsigned(2));
    if (flags & kFlagRotatingCode)
        token.devicePublicKey = reader.take(Ed25519::kKeySize);
    if (reader.failed() || !reader.atEnd() || !isValidCardId(token.cardId))
        return std::nullopt;
    return token;
}

QByteArray DigitalCardToken::signedMessage(const QByteArray& payload)
{
    return QByteArrayLiteral("LTC1.") + payload;
}

QByteArray DigitalCardToken::rotatingMessage(const QByteArray& payload, quint32 timeStep)
{
    QByteArray message = QByteArrayLiteral("LTR1.") + payload;
    appendUint32(message, timeStep);
    return message;
}

}  // namespace loyalty
