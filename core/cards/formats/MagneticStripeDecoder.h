#pragma once

#include "cards/CardFormatDecoder.h"

#include <QCoreApplication>

namespace loyalty {

// Loyalty cards with a magnetic stripe, as keyboard-wedge readers send them (ISO/IEC 7813 layout):
// Track 1 "%<format code><number>^<name>^<data>?", Track 2 ";<number>=<data>?", or both in one
// read. Readers check and drop the LRC, so the structure is all there is to check. Payment cards
// never get here: PaymentCardGuard runs first.
class MagneticStripeDecoder final : public CardFormatDecoder
{
    Q_DECLARE_TR_FUNCTIONS(MagneticStripeDecoder)

public:
    static constexpr qsizetype kMinNumberLength = 6;
    static constexpr qsizetype kMaxNumberLength = 19;
    static constexpr qsizetype kMaxTrack1Length = 79;
    static constexpr qsizetype kMaxTrack2Length = 40;

    MagneticStripeDecoder() = default;
    Q_DISABLE_COPY_MOVE(MagneticStripeDecoder)

    // nullopt unless the text starts with a start sentinel ("%" or ";"); a refusal with reason
    // "malformed_track" for a half or garbled read.
    std::optional<Result<CardRead>> decode(const QString& text, CardSource source) const override;

private:
    static std::optional<QString> track1Number(QStringView track);
    static std::optional<QString> track2Number(QStringView track);
    static Error malformed();
};

}  // namespace loyalty
