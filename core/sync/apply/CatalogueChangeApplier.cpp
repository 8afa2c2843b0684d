#include "sync/apply/CatalogueChangeApplier.h"

#include "barcode/Gtin.h"
#include "cards/digital/Ed25519.h"
#include "store/StoreError.h"

namespace loyalty::sync {

CatalogueChangeApplier::CatalogueChangeApplier(const QSqlDatabase& db, QString nowIso)
    : m_nowIso(std::move(nowIso))
    , m_upsertProduct(db)
    , m_insertRevoked(db)
    , m_upsertKey(db)
{
    m_upsertProduct.prepare(
        QStringLiteral("INSERT INTO products (ean, name, price_minor, currency, category, earns_points, discountable)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (ean) DO UPDATE SET name = excluded.name, price_minor = excluded.price_minor,"
                       " currency = excluded.currency, category = excluded.category,"
                       " earns_points = excluded.earns_points, discountable = excluded.discountable"
                       " WHERE products.name IS NOT excluded.name OR products.price_minor IS NOT excluded.price_minor"
                       " OR products.currency IS NOT excluded.currency OR products.category IS NOT excluded.category"
                       " OR products.earns_points IS NOT excluded.earns_points"
                       " OR products.discountable IS NOT excluded.discountable"));
    m_insertRevoked.prepare(QStringLiteral("INSERT INTO revoked_digital_cards (card_id, revoked_at, reason)"
                                           " VALUES (?, ?, ?) ON CONFLICT (card_id) DO NOTHING"));
    m_upsertKey.prepare(
        QStringLiteral("INSERT INTO card_trust_keys (key_id, public_key, valid_from, valid_until, added_at)"
                       " VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT (key_id) DO UPDATE SET public_key = excluded.public_key,"
                       " valid_from = excluded.valid_from, valid_until = excluded.valid_until"
                       " WHERE card_trust_keys.public_key IS NOT excluded.public_key"
                       " OR card_trust_keys.valid_from IS NOT excluded.valid_from"
                       " OR card_trust_keys.valid_until IS NOT excluded.valid_until"));
}

Result<ChangeOutcome> CatalogueChangeApplier::product(const ChangeFields& change)
{
    const auto ean = change.text(QStringLiteral("ean"));
    if (!ean)
        return ean.error();
    if (!Gtin::isValid(*ean))
        return change.malformed(QStringLiteral("ean"), tr("is not a valid EAN"));
    const auto name = change.text(QStringLiteral("name"));
    if (!name)
        return name.error();
    const auto price = change.integer(QStringLiteral("price_minor"));
    if (!price)
        return price.error();
    if (*price < 0)
        return change.malformed(QStringLiteral("price_minor"), tr("is negative"));
    const auto currency = change.text(QStringLiteral("currency"));
    if (!currency)
        return currency.error();
    if (currency->size() != 3)
        return change.malformed(QStringLiteral("currency"), tr("is not a three-letter currency code"));
    const auto category = change.text(QStringLiteral("category"));
    if (!category)
        return category.error();
    const auto earns = change.boolean(QStringLiteral("earns_points"));
    if (!earns)
        return earns.error();
    const auto discountable = change.boolean(QStringLiteral("discountable"));
    if (!discountable)
        return discountable.error();

    m_upsertProduct.bindValue(0, *ean);
    m_upsertProduct.bindValue(1, *name);
    m_upsertProduct.bindValue(2, *price);
    m_upsertProduct.bindValue(3, *currency);
    m_upsertProduct.bindValue(4, *category);
    m_upsertProduct.bindValue(5, *earns ? 1 : 0);
    m_upsertProduct.bindValue(6, *discountable ? 1 : 0);
    if (!m_upsertProduct.exec())
        return StoreError::from(m_upsertProduct.lastError());
    return m_upsertProduct.numRowsAffected() > 0 ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

Result<ChangeOutcome> CatalogueChangeApplier::revokedCard(const ChangeFields& change)
{
    const auto cardId = change.text(QStringLiteral("card_id"));
    if (!cardId)
        return cardId.error();
    const auto revokedAt = change.instant(QStringLiteral("revoked_at"));
    if (!revokedAt)
        return revokedAt.error();
    // Revoking twice keeps the first record, as RevokedCardList does.
    m_insertRevoked.bindValue(0, *cardId);
    m_insertRevoked.bindValue(1, *revokedAt);
    m_insertRevoked.bindValue(2, change.optionalText(QStringLiteral("reason")));
    if (!m_insertRevoked.exec())
        return StoreError::from(m_insertRevoked.lastError());
    return m_insertRevoked.numRowsAffected() > 0 ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

Result<ChangeOutcome> CatalogueChangeApplier::cardKey(const ChangeFields& change)
{
    const auto keyId = change.integer(QStringLiteral("key_id"));
    if (!keyId)
        return keyId.error();
    if (*keyId < 0 || *keyId > 65535)
        return change.malformed(QStringLiteral("key_id"), tr("is not between 0 and 65535"));
    const auto encoded = change.text(QStringLiteral("public_key"));
    if (!encoded)
        return encoded.error();
    const auto decoded = QByteArray::fromBase64Encoding(encoded->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != Ed25519::kKeySize)
        return change.malformed(QStringLiteral("public_key"), tr("is not a base64 Ed25519 public key"));
    const auto validFrom = change.instant(QStringLiteral("valid_from"));
    if (!validFrom)
        return validFrom.error();
    const auto validUntil = change.optionalInstant(QStringLiteral("valid_until"));
    if (!validUntil)
        return validUntil.error();

    m_upsertKey.bindValue(0, *keyId);
    m_upsertKey.bindValue(1, decoded.decoded);
    m_upsertKey.bindValue(2, *validFrom);
    m_upsertKey.bindValue(3, *validUntil);
    m_upsertKey.bindValue(4, m_nowIso);
    if (!m_upsertKey.exec())
        return StoreError::from(m_upsertKey.lastError());
    return m_upsertKey.numRowsAffected() > 0 ? ChangeOutcome::Applied : ChangeOutcome::Unchanged;
}

}  // namespace loyalty::sync
