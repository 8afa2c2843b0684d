#include "cards/digital/DigitalCardIssuer.h"

#include "cards/digital/DigitalCardQr.h"
#include "cards/digital/Ed25519.h"

namespace loyalty {

DigitalCardIssuer::DigitalCardIssuer(quint16 keyId, QByteArray secretKey)
    : m_keyId(keyId)
    , m_secretKey(std::move(secretKey))
{
}

Result<QString> DigitalCardIssuer::issue(DigitalCardToken card) const
{
    card.keyId = m_keyId;
    if (card.expiry <= card.issued)
        return Error{Error::Code::InvalidInput, tr("A digital card must expire after it is issued."),
                     QStringLiteral("bad_card")};
    const auto payload = card.encodePayload();
    if (!payload)
        return Error{Error::Code::InvalidInput,
                     tr("This card cannot be issued as a digital card (card id, dates or device key)."),
                     QStringLiteral("bad_card")};
    auto signature = Ed25519::sign(m_secretKey, DigitalCardToken::signedMessage(*payload));
    if (!signature)
        return signature.error();
    return DigitalCardQr{*payload, std::move(signature).value(), std::nullopt}.toText();
}

}  // namespace loyalty
