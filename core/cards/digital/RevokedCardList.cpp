#include "cards/digital/RevokedCardList.h"

#include "store/StoreError.h"
#include "time/Clock.h"

#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

RevokedCardList::RevokedCardList(const QSqlDatabase& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<Done> RevokedCardList::revoke(const QString& cardId, const QString& reason)
{
    if (cardId.isEmpty())
        return Error{Error::Code::InvalidInput, tr("Revoking a digital card needs its card id."),
                     QStringLiteral("bad_card_id")};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO revoked_digital_cards (card_id, revoked_at, reason) VALUES (?, ?, ?)"
                                 " ON CONFLICT (card_id) DO NOTHING"));
    query.addBindValue(cardId);
    query.addBindValue(m_clock.nowIso());
    query.addBindValue(reason);
    if (!query.exec())
        return StoreError::from(query.lastError());
    return Done{};
}

Result<bool> RevokedCardList::isRevoked(const QString& cardId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT 1 FROM revoked_digital_cards WHERE card_id = ?"));
    query.addBindValue(cardId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    return query.next();
}

}  // namespace loyalty
