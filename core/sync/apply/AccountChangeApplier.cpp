#include "sync/apply/AccountChangeApplier.h"

#include "store/StoreError.h"
#include "sync/apply/MemberIndex.h"

namespace loyalty::sync {

AccountChangeApplier::AccountChangeApplier(const QSqlDatabase& db, MemberIndex& members, QString tillId)
    : m_members(members)
    , m_tillId(std::move(tillId))
    , m_insertEntry(db)
    , m_ownEvent(db)
    , m_ownSale(db)
    , m_upsertSale(db)
    , m_insertCoupon(db)
{
    m_insertEntry.prepare(
        QStringLiteral("INSERT INTO ledger_entries (member_id, kind, points, reason, created_at, account, expires_on,"
                       " explanation, origin_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (origin_key) WHERE origin_key IS NOT NULL DO NOTHING"));
    m_ownEvent.prepare(QStringLiteral("SELECT 1 FROM outbox_events WHERE uuid = ?"));
    m_ownSale.prepare(QStringLiteral("SELECT 1 FROM sales WHERE uuid = ?"));
    m_upsertSale.prepare(
        QStringLiteral("INSERT INTO remote_sales (uuid, member_id, till_id, completed_at, eligible_minor,"
                       " refunded_eligible_minor) VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (uuid) DO UPDATE SET member_id = excluded.member_id,"
                       " till_id = excluded.till_id, completed_at = excluded.completed_at,"
                       " eligible_minor = excluded.eligible_minor,"
                       " refunded_eligible_minor = excluded.refunded_eligible_minor"
                       " WHERE remote_sales.member_id IS NOT excluded.member_id"
                       " OR remote_sales.till_id IS NOT excluded.till_id"
                       " OR remote_sales.completed_at IS NOT excluded.completed_at"
                       " OR remote_sales.eligible_minor IS NOT excluded.eligible_minor"
                       " OR remote_sales.refunded_eligible_minor IS NOT excluded.refunded_eligible_minor"));
    m_insertCoupon.prepare(QStringLiteral("INSERT INTO coupon_uses (code, sale_id, member_id, used_at)"
                                          " VALUES (?, NULL, ?, ?) ON CONFLICT (code) DO NOTHING"));
}

Result<bool> AccountChangeApplier::isOwnEvent(const QString& originKey)
{
    // Entries a till booked are keyed EVENT-ID/n; the event ids of this till are in its outbox.
    const qsizetype slash = originKey.indexOf(u'/');
    if (slash <= 0)
        return false;
    m_ownEvent.bindValue(0, originKey.left(slash));
    if (!m_ownEvent.exec())
        return StoreError::from(m_ownEvent.lastError());
    const bool own = m_ownEvent.next();
    m_ownEvent.finish();
    return own;
}

Result<bool> AccountChangeApplier::isOwnSale(const QString& saleUuid)
{
    m_ownSale.bindValue(0, saleUuid);
    if (!m_ownSale.exec())
        return StoreError::from(m_ownSale.lastError());
    const bool own = m_ownSale.next();
    m_ownSale.finish();
    return own;
}

Result<ChangeOutcome> AccountChangeApplier::ledger(const ChangeFields& change)
{
    const auto key = change.text(QStringLiteral("key"));
    if (!key)
        return key.error();
    const auto memberId = m_members.require(change, QStringLiteral("member_uuid"));
    if (!memberId)
        return memberId.error();
    const auto account = change.text(QStringLiteral("account"));
    if (!account)
        return account.error();
    const auto kind = change.text(QStringLiteral("kind"));
    if (!kind)
        return kind.error();
    const auto points = change.integer(QStringLiteral("points"));
    if (!points)
        return points.error();
    const auto createdAt = change.instant(QStringLiteral("created_at"));
    if (!createdAt)
        return createdAt.error();
    const auto expiresOn = change.optionalDay(QStringLiteral("expires_on"));
    if (!expiresOn)
        return expiresOn.error();
    if (change.optionalText(QStringLiteral("till_id")) == m_tillId)
        return ChangeOutcome::Unchanged;
    const auto own = isOwnEvent(*key);
    if (!own)
        return own.error();
    if (*own)
        return ChangeOutcome::Unchanged;

    m_insertEntry.bindValue(0, *memberId);
    m_insertEntry.bindValue(1, *kind);
    m_insertEntry.bindValue(2, *points);
    m_insertEntry.bindValue(3, change.optionalText(QStringLiteral("reason")));
    m_insertEntry.bindValue(4, *createdAt);
    m_insertEntry.bindValue(5, *account);
    m_insertEntry.bindValue(6, *expiresOn);
    m_insertEntry.bindValue(7, change.optionalText(QStringLiteral("explanation")));
    m_insertEntry.bindValue(8, *key);
    if (!m_insertEntry.exec())
        return StoreError::from(m_insertEntry.lastError());
    return m_insertEntry.numRowsAffected() > 0 ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

Result<ChangeOutcome> AccountChangeApplier::sale(const ChangeFields& change)
{
    const auto uuid = change.text(QStringLiteral("uuid"));
    if (!uuid)
        return uuid.error();
    const auto memberId = m_members.require(change, QStringLiteral("member_uuid"));
    if (!memberId)
        return memberId.error();
    const auto tillId = change.text(QStringLiteral("till_id"));
    if (!tillId)
        return tillId.error();
    const auto completedAt = change.instant(QStringLiteral("completed_at"));
    if (!completedAt)
        return completedAt.error();
    const auto eligible = change.integer(QStringLiteral("eligible_minor"));
    if (!eligible)
        return eligible.error();
    const auto refunded = change.integerOr(QStringLiteral("refunded_eligible_minor"), 0);
    if (!refunded)
        return refunded.error();
    // remote_sales holds other tills' sales only: this till's own are in sales already.
    if (*tillId == m_tillId)
        return ChangeOutcome::Unchanged;
    const auto own = isOwnSale(*uuid);
    if (!own)
        return own.error();
    if (*own)
        return ChangeOutcome::Unchanged;

    m_upsertSale.bindValue(0, *uuid);
    m_upsertSale.bindValue(1, *memberId);
    m_upsertSale.bindValue(2, *tillId);
    m_upsertSale.bindValue(3, *completedAt);
    m_upsertSale.bindValue(4, *eligible);
    m_upsertSale.bindValue(5, *refunded);
    if (!m_upsertSale.exec())
        return StoreError::from(m_upsertSale.lastError());
    return m_upsertSale.numRowsAffected() > 0 ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

Result<ChangeOutcome> AccountChangeApplier::coupon(const ChangeFields& change)
{
    const auto code = change.text(QStringLiteral("code"));
    if (!code)
        return code.error();
    // A single-use code may have been used without a member card.
    const auto memberId = m_members.optional(change, QStringLiteral("member_uuid"));
    if (!memberId)
        return memberId.error();
    const auto usedAt = change.instant(QStringLiteral("used_at"));
    if (!usedAt)
        return usedAt.error();

    m_insertCoupon.bindValue(0, code->trimmed().toUpper());
    m_insertCoupon.bindValue(1, *memberId ? QVariant(**memberId) : QVariant(QMetaType::fromType<qint64>()));
    m_insertCoupon.bindValue(2, *usedAt);
    if (!m_insertCoupon.exec())
        return StoreError::from(m_insertCoupon.lastError());
    return m_insertCoupon.numRowsAffected() > 0 ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

}  // namespace loyalty::sync
