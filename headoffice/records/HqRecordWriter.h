#pragma once

#include "common/Result.h"
#include "feed/ChangeFeed.h"
#include "records/HqCard.h"
#include "records/HqLedgerEntry.h"
#include "records/HqMember.h"
#include "records/HqProduct.h"

#include <QSqlQuery>

#include <optional>

namespace loyalty::hq {

class HqDatabase;

// Writes members, cards, ledger entries and products, each together with its `changes` row, inside
// the caller's write transaction. Statements are prepared once per writer, so a batch of a thousand
// events or an import of a million members prepares them once.
class HqRecordWriter final
{
public:
    explicit HqRecordWriter(HqDatabase& database);
    Q_DISABLE_COPY_MOVE(HqRecordWriter)

    ChangeFeed& feed() { return m_feed; }

    Result<bool> memberExists(const QString& uuid);
    // False (and nothing written) when the uuid is known already.
    Result<bool> addMember(const HqMember& member, const QString& originTill);
    Result<std::optional<HqMember>> member(const QString& uuid);
    // Rewrites the member's row (all but uuid and number) and appends its change.
    Result<Done> updateMember(const HqMember& member, const QString& originTill);
    Result<QList<HqCard>> cardsOf(const QString& memberUuid);
    Result<std::optional<HqCard>> card(const QString& number);
    // Inserts or replaces the card's row and appends its change.
    Result<Done> putCard(const HqCard& card, const QString& originTill);
    // False (and nothing written) when the key is booked already.
    Result<bool> addLedgerEntry(const HqLedgerEntry& entry, const QString& originTill);
    Result<Points> balance(const QString& memberUuid, const QString& account);
    Result<Done> putProduct(const HqProduct& product, const QString& originTill);

private:
    ChangeFeed m_feed;
    QSqlQuery m_memberExists;
    QSqlQuery m_insertMember;
    QSqlQuery m_selectMember;
    QSqlQuery m_updateMember;
    QSqlQuery m_memberCards;
    QSqlQuery m_selectCard;
    QSqlQuery m_upsertCard;
    QSqlQuery m_insertLedger;
    QSqlQuery m_balance;
    QSqlQuery m_upsertProduct;
};

}  // namespace loyalty::hq
