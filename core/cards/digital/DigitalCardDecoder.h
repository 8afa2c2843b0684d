#pragma once

#include "cards/CardFormatDecoder.h"
#include "cards/digital/CardTrustList.h"
#include "cards/digital/DigitalCardPolicy.h"
#include "cards/digital/RevokedCardList.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
struct DigitalCardQr;
struct DigitalCardToken;

// Verifies a head office digital card QR offline: signature under a trusted key, validity
// dates, revocation and, where the card demands it, a fresh rotating code from the phone.
// Refusals carry Error::reason: malformed_digital_card, unknown_key, forged, revoked,
// not_yet_valid, expired or stale_code. Messages never repeat the scanned text.
class DigitalCardDecoder final : public CardFormatDecoder
{
    Q_DECLARE_TR_FUNCTIONS(DigitalCardDecoder)

public:
    DigitalCardDecoder(const QSqlDatabase& db, const Clock& clock, DigitalCardPolicy policy = {});
    Q_DISABLE_COPY_MOVE(DigitalCardDecoder)

    // nullopt unless the text starts with "LTC1.".
    std::optional<Result<CardRead>> decode(const QString& text, CardSource source) const override;

private:
    Result<CardRead> verify(const QString& text, CardSource source) const;
    std::optional<Error> checkRotatingCode(const DigitalCardQr& qr, const DigitalCardToken& card,
                                           const QDateTime& now) const;

    CardTrustList m_trustList;
    RevokedCardList m_revoked;
    const Clock& m_clock;
    DigitalCardPolicy m_policy;
};

}  // namespace loyalty
