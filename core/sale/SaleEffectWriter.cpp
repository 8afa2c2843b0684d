#include "sale/SaleEffectWriter.h"

#include "store/StoreError.h"

namespace loyalty {

namespace {

// The sign an effect's amount has on its account, 0 when it books nothing (a plain discount).
int ledgerSign(EffectKind kind)
{
    switch (kind) {
    case EffectKind::PointsEarned:
    case EffectKind::WalletEarned:
    case EffectKind::CreditEarned:
    case EffectKind::StampsEarned:
    case EffectKind::Membership:
        return 1;
    case EffectKind::PointsRedeemed:
    case EffectKind::WalletSpent:
    case EffectKind::CreditSpent:
    case EffectKind::StampsRedeemed:
        return -1;
    case EffectKind::Discount:
        return 0;
    }
    return 0;
}

// A null QString binds as SQL NULL; these columns hold '' instead.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

}  // namespace

SaleEffectWriter::SaleEffectWriter(const QSqlDatabase& db, const Programme& programme)
    : m_programme(programme)
    , m_insertEffect(db)
    , m_insertEffectLine(db)
    , m_useCoupon(db)
    , m_ledger(db)
{
    m_insertEffect.prepare(QStringLiteral("INSERT INTO sale_effects (sale_id, effect_no, rule_id, kind, account,"
                                          " amount, discount_minor, code, explanation)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    m_insertEffectLine.prepare(
        QStringLiteral("INSERT INTO sale_effect_lines (sale_id, effect_no, line_no, amount) VALUES (?, ?, ?, ?)"));
    m_useCoupon.prepare(QStringLiteral("INSERT INTO coupon_uses (code, sale_id, member_id, used_at) VALUES (?, ?, ?, ?)"
                                       " ON CONFLICT (code) DO NOTHING"));
}

Result<Done> SaleEffectWriter::write(qint64 saleId, std::optional<qint64> memberId, const Evaluation& evaluation,
                                     const QString& createdAt, const QDate& localDate)
{
    int effectNo = 0;
    for (const Effect& effect : evaluation.effects) {
        if (auto written = writeEffect(saleId, ++effectNo, effect); !written)
            return written;
        if (memberId || effect.otherMemberId) {
            if (auto booked =
                    book(saleId, effect.otherMemberId ? effect.otherMemberId : *memberId, effect, createdAt, localDate);
                !booked)
                return booked;
        }
        if (!effect.code.isEmpty()) {
            if (auto used = useCoupon(effect, saleId, memberId, createdAt); !used)
                return used;
        }
    }
    return Done{};
}

Result<Done> SaleEffectWriter::writeEffect(qint64 saleId, int effectNo, const Effect& effect)
{
    QSqlQuery& insert = m_insertEffect;
    insert.bindValue(0, saleId);
    insert.bindValue(1, effectNo);
    insert.bindValue(2, effect.ruleId);
    insert.bindValue(3, effectKindName(effect.kind));
    insert.bindValue(4, notNull(effect.account));
    insert.bindValue(5, effect.amount);
    insert.bindValue(6, effect.discountMinor);
    insert.bindValue(7, notNull(effect.code));
    insert.bindValue(8, notNull(effect.explanation));
    if (!insert.exec())
        return StoreError::from(insert.lastError());
    QSqlQuery& line = m_insertEffectLine;
    for (qsizetype i = 0; i < effect.lineShares.size(); ++i) {
        if (effect.lineShares[i] == 0)
            continue;
        line.bindValue(0, saleId);
        line.bindValue(1, effectNo);
        line.bindValue(2, int(i + 1));
        line.bindValue(3, effect.lineShares[i]);
        if (!line.exec())
            return StoreError::from(line.lastError());
    }
    return Done{};
}

Result<Done> SaleEffectWriter::book(qint64 saleId, qint64 memberId, const Effect& effect, const QString& createdAt,
                                    const QDate& localDate)
{
    const int sign = ledgerSign(effect.kind);
    if (sign == 0 || effect.amount == 0)
        return Done{};
    LedgerEntry entry;
    entry.memberId = memberId;
    // The referrer's bonus is not part of the referrer's own sales: it has no sale of theirs.
    if (!effect.otherMemberId)
        entry.saleId = saleId;
    entry.kind = sign > 0 ? QStringLiteral("earn") : QStringLiteral("redeem");
    entry.points = sign * effect.amount;
    entry.reason = effect.ruleId;
    entry.createdAt = createdAt;
    entry.account = effect.account;
    entry.explanation = effect.explanation;
    if (effect.kind == EffectKind::PointsEarned) {
        const QDate expires = m_programme.expiry.expiresOn(localDate);
        if (expires.isValid())
            entry.expiresOn = expires.toString(Qt::ISODate);
    }
    if (auto appended = m_ledger.append(entry); !appended)
        return appended.error();
    return Done{};
}

Result<Done> SaleEffectWriter::useCoupon(const Effect& effect, qint64 saleId, std::optional<qint64> memberId,
                                         const QString& createdAt)
{
    for (const CouponDefinition& coupon : m_programme.coupons) {
        if (!coupon.codes.contains(effect.code))
            continue;
        if (coupon.kind == CouponDefinition::Kind::Campaign)
            return Done{};
        QSqlQuery& insert = m_useCoupon;
        insert.bindValue(0, effect.code);
        insert.bindValue(1, saleId);
        insert.bindValue(2, memberId ? QVariant(*memberId) : QVariant(QMetaType::fromType<qint64>()));
        insert.bindValue(3, createdAt);
        if (!insert.exec())
            return StoreError::from(insert.lastError());
        if (insert.numRowsAffected() == 0)
            return Error{Error::Code::Conflict,
                         tr("Coupon %1 has already been used; the sale was not completed.").arg(effect.code),
                         QStringLiteral("coupon-used")};
        return Done{};
    }
    return Done{};
}

}  // namespace loyalty
