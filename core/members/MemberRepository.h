#pragma once

#include "common/Result.h"
#include "members/CardHolder.h"
#include "members/MemberListing.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace loyalty {

// Reads members and their cards; every query is indexed, nothing loads all members.
class MemberRepository final
{
public:
    explicit MemberRepository(const QSqlDatabase& db);

    Result<std::optional<CardHolder>> findByCard(const QString& cardNumber);
    Result<QList<MemberListing>> list(int limit, qint64 afterId = 0) const;
    Result<qint64> count() const;
    // The member's active card numbers, newest first.
    Result<QStringList> activeCardsOf(qint64 memberId) const;

private:
    QSqlDatabase m_db;
    QSqlQuery m_byCard;  // prepared once, reused for every scan
};

}  // namespace loyalty
