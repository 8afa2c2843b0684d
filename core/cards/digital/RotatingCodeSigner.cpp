#include "cards/digital/RotatingCodeSigner.h"

#include "cards/digital/DigitalCardQr.h"
#include "cards/digital/DigitalCardToken.h"
#include "cards/digital/Ed25519.h"

#include <algorithm>

namespace loyalty {

quint32 RotatingCodeSigner::timeStep(const QDateTime& at, int stepSeconds)
{
    const qint64 seconds = std::max<qint64>(0, at.toSecsSinceEpoch());
    return quint32(seconds / std::max(1, stepSeconds));
}

Result<QString> RotatingCodeSigner::sign(const QString& issuedQr, const QByteArray& deviceSecretKey, quint32 timeStep)
{
    auto qr = DigitalCardQr::parse(issuedQr);
    if (!qr || qr->rotatingCode)
        return Error{Error::Code::InvalidInput, tr("This is not a digital card as head office issues it."),
                     QStringLiteral("malformed_digital_card")};
    auto signature = Ed25519::sign(deviceSecretKey, DigitalCardToken::rotatingMessage(qr->payload, timeStep));
    if (!signature)
        return signature.error();
    qr->rotatingCode = DigitalCardQr::RotatingCode{timeStep, std::move(signature).value()};
    return qr->toText();
}

}  // namespace loyalty
