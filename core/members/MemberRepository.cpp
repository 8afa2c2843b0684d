#include "members/MemberRepository.h"

#include "store/StoreError.h"

namespace loyalty {

MemberRepository::MemberRepository(const QSqlDatabase& db)
    : m_db(db)
    , m_byCard(db)
{
    m_byCard.prepare(QStringLiteral("SELECT c.number, c.state, m.id, m.name, m.email, m.phone, m.enrolled_at"
                                    " FROM cards c JOIN members m ON m.id = c.member_id WHERE c.number = ?"));
}

Result<std::optional<CardHolder>> MemberRepository::findByCard(const QString& cardNumber)
{
    m_byCard.bindValue(0, cardNumber);
    if (!m_byCard.exec())
        return StoreError::from(m_byCard.lastError());
    if (!m_byCard.next())
        return std::optional<CardHolder>();
    CardHolder holder;
    holder.cardNumber = m_byCard.value(0).toString();
    holder.cardState = cardStateFromStorage(m_byCard.value(1).toString()).value_or(CardState::Blocked);
    holder.member.id = m_byCard.value(2).toLongLong();
    holder.member.name = m_byCard.value(3).toString();
    holder.member.email = m_byCard.value(4).toString();
    holder.member.phone = m_byCard.value(5).toString();
    holder.member.enrolledAt = QDateTime::fromString(m_byCard.value(6).toString(), Qt::ISODateWithMs);
    m_byCard.finish();
    return std::optional<CardHolder>(holder);
}

Result<QList<MemberListing>> MemberRepository::list(int limit, qint64 afterId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT m.id, m.name,"
                                 " (SELECT group_concat(number, ' ') FROM cards WHERE member_id = m.id)"
                                 " FROM members m WHERE m.id > :after ORDER BY m.id LIMIT :limit"));
    query.bindValue(QStringLiteral(":after"), afterId);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QList<MemberListing> members;
    while (query.next()) {
        members.append({query.value(0).toLongLong(), query.value(1).toString(),
                        query.value(2).toString().split(u' ', Qt::SkipEmptyParts)});
    }
    return members;
}

Result<qint64> MemberRepository::count() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM members")) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

Result<QStringList> MemberRepository::activeCardsOf(qint64 memberId) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT number FROM cards WHERE member_id = ? AND state = 'active'"
                                 " ORDER BY issued_at DESC, number"));
    query.bindValue(0, memberId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    QStringList numbers;
    while (query.next())
        numbers << query.value(0).toString();
    return numbers;
}

}  // namespace loyalty
