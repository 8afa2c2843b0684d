#pragma once

#include "cards/digital/DigitalCardToken.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

// Signs digital cards with one head office key: what head office runs, and what tests use.
class DigitalCardIssuer final
{
    Q_DECLARE_TR_FUNCTIONS(DigitalCardIssuer)

public:
    DigitalCardIssuer(quint16 keyId, QByteArray secretKey);

    quint16 keyId() const { return m_keyId; }

    // The QR text "LTC1.<payload>.<signature>" of `card`, signed under this issuer's key id (the
    // card's own keyId is ignored).
    Result<QString> issue(DigitalCardToken card) const;

private:
    quint16 m_keyId;
    QByteArray m_secretKey;
};

}  // namespace loyalty
