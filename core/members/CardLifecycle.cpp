#include "members/CardLifecycle.h"

#include "members/CardNumberRules.h"
#include "members/MemberRepository.h"
#include "outbox/OutboxRepository.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace loyalty {

CardLifecycle::CardLifecycle(Database& database, const Clock& clock, const TillSettings& settings)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
{
}

Result<CardHolder> CardLifecycle::holderOf(const QString& cardNumber) const
{
    MemberRepository members(m_database.connection());
    const auto found = members.findByCard(cardNumber);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        return Error{Error::Code::NotFound, tr("There is no card •••• %1 on this till.").arg(cardNumber.right(4)),
                     QStringLiteral("unknown_card")};
    }
    return **found;
}

Result<Done> CardLifecycle::insertCard(qint64 memberId, const QString& number, const QString& now)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at, kind)"
                                  " VALUES (?, ?, 'active', ?, 'number')"));
    insert.bindValue(0, number);
    insert.bindValue(1, memberId);
    insert.bindValue(2, now);
    if (!insert.exec())
        return StoreError::from(insert.lastError());
    return Done{};
}

Result<Done> CardLifecycle::record(const QString& eventType, const QJsonObject& payload, const QString& now)
{
    const auto event =
        OutboxRepository(m_database.connection()).append(m_settings.tillId, eventType, payload, std::nullopt, now);
    if (!event)
        return event.error();
    return Done{};
}

Result<CardHolder> CardLifecycle::addCard(qint64 memberId, const QString& newCardNumber)
{
    const QSqlDatabase db = m_database.connection();
    if (auto fresh = CardNumberRules::checkNew(db, newCardNumber, m_settings.cardPrefix); !fresh)
        return fresh.error();
    const QString now = m_clock.nowIso();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery member(db);
    member.prepare(QStringLiteral("SELECT uuid FROM members WHERE id = ?"));
    member.bindValue(0, memberId);
    if (!member.exec())
        return StoreError::from(member.lastError());
    if (!member.next())
        return Error{Error::Code::NotFound, tr("There is no member %1.").arg(memberId),
                     QStringLiteral("unknown_member")};
    const QString memberUuid = member.value(0).toString();
    member.finish();
    if (auto inserted = insertCard(memberId, newCardNumber, now); !inserted)
        return inserted.error();
    const QJsonObject payload{{QStringLiteral("member_id"), memberId},
                              {QStringLiteral("member_uuid"), memberUuid},
                              {QStringLiteral("card_number"), newCardNumber},
                              {QStringLiteral("at"), now}};
    if (auto recorded = record(kCardAddedEvent, payload, now); !recorded)
        return recorded.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return holderOf(newCardNumber);
}

Result<Done> CardLifecycle::block(const QString& cardNumber, const QString& reason)
{
    const auto holder = holderOf(cardNumber);
    if (!holder)
        return holder.error();
    if (holder->cardState != CardState::Active) {
        return Error{Error::Code::Conflict,
                     tr("Card •••• %1 is not active, so it cannot be blocked.").arg(cardNumber.right(4)),
                     QStringLiteral("card_not_active")};
    }
    const QSqlDatabase db = m_database.connection();
    const QString now = m_clock.nowIso();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const auto memberUuid = OutboxRepository(db).memberUuid(holder->member.id);
    if (!memberUuid)
        return memberUuid.error();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE cards SET state = 'blocked' WHERE number = ? AND state = 'active'"));
    update.bindValue(0, cardNumber);
    if (!update.exec())
        return StoreError::from(update.lastError());
    const QJsonObject payload{{QStringLiteral("member_id"), holder->member.id},
                              {QStringLiteral("member_uuid"), *memberUuid},
                              {QStringLiteral("card_number"), cardNumber},
                              {QStringLiteral("reason"), reason},
                              {QStringLiteral("at"), now}};
    if (auto recorded = record(kCardBlockedEvent, payload, now); !recorded)
        return recorded.error();
    return transaction.commit();
}

Result<CardHolder> CardLifecycle::replace(const QString& oldCardNumber, const QString& newCardNumber,
                                          const WithinReplace& within)
{
    const auto holder = holderOf(oldCardNumber);
    if (!holder)
        return holder.error();
    if (holder->cardState == CardState::Replaced) {
        return Error{Error::Code::Conflict, tr("Card •••• %1 was already replaced.").arg(oldCardNumber.right(4)),
                     QStringLiteral("card_not_active")};
    }
    const QSqlDatabase db = m_database.connection();
    if (auto fresh = CardNumberRules::checkNew(db, newCardNumber, m_settings.cardPrefix); !fresh)
        return fresh.error();
    const QString now = m_clock.nowIso();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto inserted = insertCard(holder->member.id, newCardNumber, now); !inserted)
        return inserted.error();
    const auto memberUuid = OutboxRepository(db).memberUuid(holder->member.id);
    if (!memberUuid)
        return memberUuid.error();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE cards SET state = 'replaced', replaced_by = ? WHERE number = ?"));
    update.bindValue(0, newCardNumber);
    update.bindValue(1, oldCardNumber);
    if (!update.exec())
        return StoreError::from(update.lastError());
    QJsonObject payload{
        {QStringLiteral("member_id"), holder->member.id},   {QStringLiteral("member_uuid"), *memberUuid},
        {QStringLiteral("card_number"), oldCardNumber},     {QStringLiteral("old_card_number"), oldCardNumber},
        {QStringLiteral("new_card_number"), newCardNumber}, {QStringLiteral("at"), now}};
    if (within) {
        const auto extra = within(*holder, *memberUuid, now);
        if (!extra)
            return extra.error();
        for (auto it = extra->constBegin(); it != extra->constEnd(); ++it)
            payload.insert(it.key(), it.value());
    }
    if (auto recorded = record(kCardReplacedEvent, payload, now); !recorded)
        return recorded.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return holderOf(newCardNumber);
}

Result<QList<CardHolder>> CardLifecycle::cardsOf(qint64 memberId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT number FROM cards WHERE member_id = ? ORDER BY issued_at DESC, number"));
    query.bindValue(0, memberId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QStringList numbers;
    while (query.next())
        numbers << query.value(0).toString();
    query.finish();
    QList<CardHolder> cards;
    for (const QString& number : numbers) {
        const auto holder = holderOf(number);
        if (!holder)
            return holder.error();
        cards << *holder;
    }
    return cards;
}

}  // namespace loyalty
