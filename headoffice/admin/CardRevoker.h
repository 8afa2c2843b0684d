#pragma once

#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;

// Withdraws digital cards (a lost phone, a closed account): the card id goes into revoked_cards
// and to every till as a "revoked_card" change, and the tills refuse that card whatever its
// signature says. The card id is the one the card's token carries (DigitalCardToken: 1 to 64
// visible ASCII characters). Revoking a card twice keeps the first record, as the till does.
class CardRevoker final
{
    Q_DECLARE_TR_FUNCTIONS(CardRevoker)

public:
    static constexpr int kMaxReasonLength = 200;

    struct Revocation
    {
        QString cardId;
        QString revokedAt;  // RFC 3339 UTC with milliseconds
        QString reason;
        bool changed = false;  // false: revoked before; the first record stands
    };

    CardRevoker(HqDatabase& database, const Clock& clock);

    // In its own write transaction: the row and its change, or nothing.
    Result<Revocation> revoke(const QString& cardId, const QString& reason);

private:
    HqDatabase& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty::hq
