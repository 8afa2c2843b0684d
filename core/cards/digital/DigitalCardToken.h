#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace loyalty {

// The signed facts of a digital card: which card, when issued, until when, by which head office
// key, and (optionally) the phone's key that must sign a rotating code. Encoding is pure.
//
// Payload, big-endian: version (1) | flags (bit 0: rotating code required) | card id length (1..64)
// | card id (printable ASCII) | issued (uint32 Unix seconds) | expiry (uint32 Unix seconds)
// | key id (uint16) | device public key (32 bytes, only when bit 0 is set).
struct DigitalCardToken
{
    static constexpr quint8 kVersion = 1;
    static constexpr quint8 kFlagRotatingCode = 0x01;
    static constexpr int kMaxCardIdLength = 64;

    QString cardId;
    QDateTime issued;  // whole seconds, UTC
    QDateTime expiry;
    quint16 keyId = 0;
    QByteArray devicePublicKey;  // empty unless a rotating code is required

    bool requiresRotatingCode() const { return !devicePublicKey.isEmpty(); }

    // nullopt when a field cannot be encoded (card id, times before 1970 or after 2106, key size).
    std::optional<QByteArray> encodePayload() const;
    // nullopt for anything but a well-formed version-1 payload with no bytes left over.
    static std::optional<DigitalCardToken> decodePayload(const QByteArray& payload);

    // What head office signs and the phone signs; the prefixes keep the two apart.
    static QByteArray signedMessage(const QByteArray& payload);
    static QByteArray rotatingMessage(const QByteArray& payload, quint32 timeStep);

    static bool isValidCardId(const QString& cardId);
};

}  // namespace loyalty
