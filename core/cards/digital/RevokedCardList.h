#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

class Clock;

// Digital cards head office has withdrawn (lost phone, closed account); table
// revoked_digital_cards. A revoked card id is refused whatever its signature says.
class RevokedCardList final
{
    Q_DECLARE_TR_FUNCTIONS(RevokedCardList)

public:
    RevokedCardList(const QSqlDatabase& db, const Clock& clock);

    // Revoking a card twice keeps the first record.
    Result<Done> revoke(const QString& cardId, const QString& reason);
    Result<bool> isRevoked(const QString& cardId) const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

}  // namespace loyalty
