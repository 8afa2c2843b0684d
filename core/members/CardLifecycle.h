#pragma once

#include "common/Result.h"
#include "members/CardHolder.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

namespace loyalty {

class Clock;
class Database;

// A card's life after enrolment: more cards for a member (a family), blocking a lost card and
// replacing a card. Balances, history and tier belong to the member, never to a card, so they stay
// whatever happens to the card. Every change is an outbox event in the same transaction.
class CardLifecycle final
{
    Q_DECLARE_TR_FUNCTIONS(CardLifecycle)

public:
    static inline const QString kCardAddedEvent = QStringLiteral("card.added");
    static inline const QString kCardBlockedEvent = QStringLiteral("card.blocked");
    static inline const QString kCardReplacedEvent = QStringLiteral("card.replaced");

    CardLifecycle(Database& database, const Clock& clock, const TillSettings& settings);

    Result<CardHolder> addCard(qint64 memberId, const QString& newCardNumber);
    Result<Done> block(const QString& cardNumber, const QString& reason);
    // More to write inside replace()'s transaction, after the cards changed and before the event:
    // gets the old card's holder, the member's uuid and the transaction's time, returns fields to
    // add to the event's payload (Corrections appends its audit entry this way).
    using WithinReplace =
        std::function<Result<QJsonObject>(const CardHolder& old, const QString& memberUuid, const QString& now)>;

    // The old card is refused as "replaced" from now on; the new one belongs to the same member.
    Result<CardHolder> replace(const QString& oldCardNumber, const QString& newCardNumber,
                               const WithinReplace& within = {});

    // The member's cards, newest first.
    Result<QList<CardHolder>> cardsOf(qint64 memberId) const;

private:
    Result<CardHolder> holderOf(const QString& cardNumber) const;
    Result<Done> insertCard(qint64 memberId, const QString& number, const QString& now);
    // Appends the change's outbox event inside the caller's transaction.
    Result<Done> record(const QString& eventType, const QJsonObject& payload, const QString& now);

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
};

}  // namespace loyalty
