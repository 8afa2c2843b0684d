#include "admin/CardRevoker.h"

#include "cards/digital/DigitalCardToken.h"
#include "feed/ChangeFeed.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace loyalty::hq {

CardRevoker::CardRevoker(HqDatabase& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<CardRevoker::Revocation> CardRevoker::revoke(const QString& cardId, const QString& reason)
{
    if (!DigitalCardToken::isValidCardId(cardId)) {
        return Error{Error::Code::InvalidInput,
                     tr("\"%1\" is not a digital card id: 1 to %2 visible ASCII characters, no spaces.")
                         .arg(cardId)
                         .arg(DigitalCardToken::kMaxCardIdLength),
                     QStringLiteral("bad_card_id")};
    }
    const QString why = reason.trimmed();
    const bool control =
        std::any_of(why.cbegin(), why.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (why.isEmpty() || why.size() > kMaxReasonLength || control) {
        return Error{
            Error::Code::InvalidInput,
            tr("Revoking a digital card needs a reason of one line, at most %1 characters.").arg(kMaxReasonLength),
            QStringLiteral("bad_reason")};
    }

    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT revoked_at, reason FROM revoked_cards WHERE card_id = ?"));
    existing.bindValue(0, cardId);
    if (!existing.exec())
        return HqStoreError::from(existing.lastError());
    if (existing.next())
        return Revocation{cardId, existing.value(0).toString(), existing.value(1).toString(), false};

    const Revocation revocation{cardId, m_clock.nowIso(), why, true};
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO revoked_cards (card_id, revoked_at, reason) VALUES (?, ?, ?)"));
    insert.bindValue(0, revocation.cardId);
    insert.bindValue(1, revocation.revokedAt);
    insert.bindValue(2, revocation.reason);
    if (!insert.exec())
        return HqStoreError::from(insert.lastError());
    const QJsonObject data{{QStringLiteral("card_id"), revocation.cardId},
                           {QStringLiteral("revoked_at"), revocation.revokedAt},
                           {QStringLiteral("reason"), revocation.reason}};
    if (auto appended = ChangeFeed(m_database).append(sync::kRevokedCardChange, data, QString()); !appended)
        return appended.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return revocation;
}

}  // namespace loyalty::hq
