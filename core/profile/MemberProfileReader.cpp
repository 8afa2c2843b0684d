#include "profile/MemberProfileReader.h"

#include "account/PointsLots.h"
#include "account/StoredTime.h"
#include "account/TierProgressText.h"
#include "store/StoreError.h"

#include <QVariant>

namespace loyalty {

MemberProfileReader::MemberProfileReader(const QSqlDatabase& db)
    : m_member(db)
    , m_cards(db)
    , m_consents(db)
    , m_standing(db)
    , m_pointsHistory(db)
    , m_tiers(db)
{
    m_member.prepare(QStringLiteral("SELECT m.uuid, m.name, m.email, m.phone, m.birth_date, m.enrolled_at,"
                                    " m.erased_at, m.merged_into, t.uuid FROM members m"
                                    " LEFT JOIN members t ON t.id = m.merged_into WHERE m.id = ?"));
    m_cards.prepare(QStringLiteral("SELECT number, state, kind, issued_at, replaced_by FROM cards"
                                   " WHERE member_id = ? ORDER BY issued_at DESC, number"));
    m_consents.prepare(QStringLiteral("SELECT id, purpose, given, text_version, recorded_at FROM consents"
                                      " WHERE member_id = ? ORDER BY id"));
}

Result<Done> MemberProfileReader::readMember(qint64 memberId, MemberProfile& profile)
{
    m_member.bindValue(0, memberId);
    if (!m_member.exec())
        return StoreError::from(m_member.lastError());
    if (!m_member.next()) {
        m_member.finish();
        return Error{Error::Code::NotFound, tr("Member %1 is not known at this till.").arg(memberId),
                     QStringLiteral("unknown_member")};
    }
    profile.memberId = memberId;
    profile.uuid = m_member.value(0).toString();
    profile.name = m_member.value(1).toString();
    profile.email = m_member.value(2).toString();
    profile.phone = m_member.value(3).toString();
    profile.birthDate = StoredTime::parseDay(m_member.value(4).toString());
    profile.enrolledAt = StoredTime::parseInstant(m_member.value(5).toString());
    if (!m_member.value(6).isNull())
        profile.erasedAt = StoredTime::parseInstant(m_member.value(6).toString());
    if (!m_member.value(7).isNull()) {
        profile.mergedInto = m_member.value(7).toLongLong();
        profile.mergedIntoUuid = m_member.value(8).toString();
    }
    m_member.finish();
    return Done{};
}

Result<QList<MemberCard>> MemberProfileReader::cards(qint64 memberId)
{
    m_cards.bindValue(0, memberId);
    if (!m_cards.exec())
        return StoreError::from(m_cards.lastError());
    QList<MemberCard> cards;
    while (m_cards.next()) {
        MemberCard card;
        card.number = m_cards.value(0).toString();
        card.state = cardStateFromStorage(m_cards.value(1).toString()).value_or(CardState::Blocked);
        card.kind = m_cards.value(2).toString();
        card.issuedAt = StoredTime::parseInstant(m_cards.value(3).toString());
        card.replacedBy = m_cards.value(4).toString();
        cards << card;
    }
    m_cards.finish();
    return cards;
}

Result<QList<ConsentRecord>> MemberProfileReader::consents(qint64 memberId)
{
    m_consents.bindValue(0, memberId);
    if (!m_consents.exec())
        return StoreError::from(m_consents.lastError());
    QList<ConsentRecord> consents;
    while (m_consents.next()) {
        consents << ConsentRecord{m_consents.value(0).toLongLong(), m_consents.value(1).toString(),
                                  m_consents.value(2).toInt() != 0, m_consents.value(3).toString(),
                                  StoredTime::parseInstant(m_consents.value(4).toString())};
    }
    m_consents.finish();
    return consents;
}

Result<MemberProfile> MemberProfileReader::read(qint64 memberId, const QDateTime& at, const Programme& programme)
{
    MemberProfile profile;
    if (auto member = readMember(memberId, profile); !member)
        return member.error();

    auto standing = m_standing.read(memberId, at, programme);
    if (!standing)
        return standing.error();
    profile.points = standing->points;
    profile.walletMinor = standing->walletMinor;
    profile.currency = programme.currency;
    profile.membershipValidUntil = standing->membershipValidUntil;
    profile.segments = standing->segments;
    for (auto it = standing->stamps.cbegin(); it != standing->stamps.cend(); ++it) {
        MemberAccountBalance stamps{QStringLiteral("stamps:") + it.key(), it.key(), it.key(), it.value(), 0};
        for (const StampCardDefinition& card : programme.stampCards) {
            if (card.id == it.key()) {
                stamps.name = card.name.isEmpty() ? card.id : card.name;
                stamps.needed = card.stampsNeeded;
            }
        }
        profile.stampCards << stamps;
    }
    for (auto it = standing->credits.cbegin(); it != standing->credits.cend(); ++it)
        profile.credits << MemberAccountBalance{QStringLiteral("credit:") + it.key(), it.key(), it.key(), it.value(),
                                                0};
    // QHash order is random: the page lists them by id.
    const auto byId = [](const MemberAccountBalance& a, const MemberAccountBalance& b) { return a.id < b.id; };
    std::sort(profile.stampCards.begin(), profile.stampCards.end(), byId);
    std::sort(profile.credits.begin(), profile.credits.end(), byId);

    auto movements = m_pointsHistory.movements(memberId);
    if (!movements)
        return movements.error();
    const PointsLots lots = PointsLots::replay(*movements);
    profile.lots = lots.lots();
    profile.deficit = lots.deficit();
    profile.expiring = lots.expiringWithin(StoredTime::localDay(at), programme.expiry.warnDays);

    auto tier = m_tiers.read(memberId, at, programme);
    if (!tier)
        return tier.error();
    profile.tier = *tier;
    if (const TierDefinition* held = programme.tier(tier->tierId))
        profile.tierName = held->name.isEmpty() ? held->id : held->name;
    profile.nextTierText = TierProgressText::toNextTier(*tier, programme.currency);

    auto cardList = cards(memberId);
    if (!cardList)
        return cardList.error();
    profile.cards = *cardList;
    auto consentList = consents(memberId);
    if (!consentList)
        return consentList.error();
    profile.consents = *consentList;
    return profile;
}

}  // namespace loyalty
