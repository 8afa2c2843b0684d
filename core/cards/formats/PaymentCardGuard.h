#pragma once

#include "cards/CardFormatDecoder.h"

#include <QCoreApplication>

namespace loyalty {

// Refuses payment cards wherever they hide in a read: a Track 1 with format code B, a Track 2, or
// a bare 13-19 digit number in a payment IIN range, each with a Luhn-valid PAN. The refusal never
// holds any part of the number. Runs before every other decoder.
class PaymentCardGuard final : public CardFormatDecoder
{
    Q_DECLARE_TR_FUNCTIONS(PaymentCardGuard)

public:
    // `loyaltyPrefix`: the programme's EAN-13 card prefix; 13-digit numbers it claims are not PANs.
    explicit PaymentCardGuard(const QString& loyaltyPrefix);
    Q_DISABLE_COPY_MOVE(PaymentCardGuard)

    // nullopt when no payment card is found, else a refusal (reason "payment_card").
    std::optional<Result<CardRead>> decode(const QString& text, CardSource source) const override;

    bool containsPaymentCard(QStringView text) const;
    static bool isPan(QStringView digits);
    static bool inPaymentIinRange(QStringView digits);
    static Error refusal();

private:
    bool claimedByLoyalty(QStringView digits) const;
    bool hasTrack1Pan(QStringView text) const;
    bool hasTrack2Pan(QStringView text) const;
    bool isBarePan(QStringView text) const;
    bool hasEmbeddedPan(QStringView text) const;

    QString m_loyaltyPrefix;
};

}  // namespace loyalty
