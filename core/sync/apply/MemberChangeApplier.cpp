#include "sync/apply/MemberChangeApplier.h"

#include "store/StoreError.h"
#include "sync/apply/MemberIndex.h"

namespace loyalty::sync {

namespace {
QVariant idOrNull(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qint64>());
}
}  // namespace

MemberChangeApplier::MemberChangeApplier(const QSqlDatabase& db, MemberIndex& members)
    : m_members(members)
    , m_upsertMember(db)
    , m_upsertCard(db)
{
    // An erased member stays erased: a stale change (an enrolment pulled after this till erased the
    // member itself) never brings the personal fields back, and merged_into, once set, stays.
    m_upsertMember.prepare(QStringLiteral(
        "INSERT INTO members (uuid, name, email, phone, birth_date, enrolled_at, referred_by, erased_at, merged_into)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (uuid) DO UPDATE SET"
        " name = CASE WHEN members.erased_at IS NULL THEN excluded.name ELSE members.name END,"
        " email = CASE WHEN members.erased_at IS NULL THEN excluded.email ELSE members.email END,"
        " phone = CASE WHEN members.erased_at IS NULL THEN excluded.phone ELSE members.phone END,"
        " birth_date = CASE WHEN members.erased_at IS NULL THEN excluded.birth_date ELSE members.birth_date END,"
        " enrolled_at = excluded.enrolled_at, referred_by = excluded.referred_by,"
        " erased_at = coalesce(members.erased_at, excluded.erased_at),"
        " merged_into = coalesce(members.merged_into, excluded.merged_into)"
        " WHERE (members.erased_at IS NULL AND (members.name IS NOT excluded.name OR members.email IS NOT "
        "excluded.email"
        " OR members.phone IS NOT excluded.phone OR members.birth_date IS NOT excluded.birth_date"
        " OR excluded.erased_at IS NOT NULL))"
        " OR members.enrolled_at IS NOT excluded.enrolled_at OR members.referred_by IS NOT excluded.referred_by"
        " OR (members.merged_into IS NULL AND excluded.merged_into IS NOT NULL) RETURNING id"));
    m_upsertCard.prepare(
        QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at, kind, replaced_by)"
                       " VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (number) DO UPDATE SET member_id = excluded.member_id, state = excluded.state,"
                       " issued_at = excluded.issued_at, kind = excluded.kind, replaced_by = excluded.replaced_by"
                       " WHERE cards.member_id IS NOT excluded.member_id OR cards.state IS NOT excluded.state"
                       " OR cards.issued_at IS NOT excluded.issued_at OR cards.kind IS NOT excluded.kind"
                       " OR cards.replaced_by IS NOT excluded.replaced_by"));
}

Result<ChangeOutcome> MemberChangeApplier::member(const ChangeFields& change)
{
    const auto uuid = change.text(QStringLiteral("uuid"));
    if (!uuid)
        return uuid.error();
    // An erased member comes with erased_at and a blank name; so does, before its erasure arrives,
    // a member whose till erased them before it had sent the enrolment (the till redacts its
    // unsent payloads). Blank is "", never NULL.
    const auto erasedAt = change.optionalInstant(QStringLiteral("erased_at"));
    if (!erasedAt)
        return erasedAt.error();
    const auto name = change.presentText(QStringLiteral("name"));
    if (!name)
        return name.error();
    const auto enrolledAt = change.instant(QStringLiteral("enrolled_at"));
    if (!enrolledAt)
        return enrolledAt.error();
    const auto birthDate = change.optionalDay(QStringLiteral("birth_date"));
    if (!birthDate)
        return birthDate.error();
    // Head office sends a referrer before the members they referred.
    const auto referredBy = m_members.optional(change, QStringLiteral("referred_by_uuid"));
    if (!referredBy)
        return referredBy.error();
    // A merged member points to the account it went into, which head office sent before.
    const auto mergedInto = m_members.optional(change, QStringLiteral("merged_into_uuid"));
    if (!mergedInto)
        return mergedInto.error();

    m_upsertMember.bindValue(0, *uuid);
    m_upsertMember.bindValue(1, *name);
    m_upsertMember.bindValue(2, change.textOrNull(QStringLiteral("email")));
    m_upsertMember.bindValue(3, change.textOrNull(QStringLiteral("phone")));
    m_upsertMember.bindValue(4, *birthDate);
    m_upsertMember.bindValue(5, *enrolledAt);
    m_upsertMember.bindValue(6, idOrNull(*referredBy));
    m_upsertMember.bindValue(7, *erasedAt);
    m_upsertMember.bindValue(8, idOrNull(*mergedInto));
    // RETURNING gives a row only when the member was inserted or changed; SQLite writes at the first step.
    if (!m_upsertMember.exec())
        return StoreError::from(m_upsertMember.lastError());
    const bool changed = m_upsertMember.next();
    if (changed)
        m_members.remember(*uuid, m_upsertMember.value(0).toLongLong());
    m_upsertMember.finish();
    return changed ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

Result<ChangeOutcome> MemberChangeApplier::card(const ChangeFields& change)
{
    const auto number = change.text(QStringLiteral("number"));
    if (!number)
        return number.error();
    const auto memberId = m_members.require(change, QStringLiteral("member_uuid"));
    if (!memberId)
        return memberId.error();
    const auto state = change.text(QStringLiteral("state"));
    if (!state)
        return state.error();
    if (*state != u"active" && *state != u"blocked" && *state != u"replaced")
        return change.malformed(QStringLiteral("state"), tr("is not active, blocked or replaced"));
    QString kind = change.optionalText(QStringLiteral("kind"));
    if (kind.isEmpty())
        kind = QStringLiteral("number");
    if (kind != u"number" && kind != u"nfc_uid" && kind != u"digital")
        return change.malformed(QStringLiteral("kind"), tr("is not number, nfc_uid or digital"));
    const auto issuedAt = change.instant(QStringLiteral("issued_at"));
    if (!issuedAt)
        return issuedAt.error();

    m_upsertCard.bindValue(0, *number);
    m_upsertCard.bindValue(1, *memberId);
    m_upsertCard.bindValue(2, *state);
    m_upsertCard.bindValue(3, *issuedAt);
    m_upsertCard.bindValue(4, kind);
    m_upsertCard.bindValue(5, change.textOrNull(QStringLiteral("replaced_by")));
    if (!m_upsertCard.exec())
        return StoreError::from(m_upsertCard.lastError());
    return m_upsertCard.numRowsAffected() > 0 ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

}  // namespace loyalty::sync
