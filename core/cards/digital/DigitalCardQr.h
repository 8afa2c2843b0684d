#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace loyalty {

// The text a digital card QR carries, split into its parts but not yet verified:
//   LTC1.<base64url(payload)>.<base64url(head office signature)>
//   LTC1.<base64url(payload)>.<base64url(head office signature)>.<time step>.<base64url(device signature)>
// base64url without padding, in its one canonical spelling; the time step in decimal.
struct DigitalCardQr
{
    static constexpr int kMaxTextLength = 512;  // a rotating code of a 64-character card id is ~330
    static constexpr int kMaxPayloadSize = 160;

    struct RotatingCode
    {
        quint32 timeStep = 0;  // Unix seconds / step length
        QByteArray deviceSignature;
    };

    QByteArray payload;
    QByteArray signature;
    std::optional<RotatingCode> rotatingCode;

    static bool hasPrefix(const QString& text);
    // nullopt for anything that is not exactly this shape; the bytes are not checked here.
    static std::optional<DigitalCardQr> parse(const QString& text);
    QString toText() const;
};

}  // namespace loyalty
