#include "cards/digital/CardTrustList.h"

#include "cards/digital/Ed25519.h"
#include "store/StoreError.h"
#include "time/Clock.h"

#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

namespace {

QString toStorage(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStorage(const QVariant& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

TrustedKey keyFrom(const QSqlQuery& query)
{
    TrustedKey key;
    key.keyId = quint16(query.value(0).toUInt());
    key.publicKey = query.value(1).toByteArray();
    key.validFrom = fromStorage(query.value(2));
    if (!query.value(3).isNull())
        key.validUntil = fromStorage(query.value(3));
    key.addedAt = fromStorage(query.value(4));
    return key;
}

const QString kSelect = QStringLiteral("SELECT key_id, public_key, valid_from, valid_until, added_at"
                                       " FROM card_trust_keys");

Error notFound(quint16 keyId)
{
    return {Error::Code::NotFound, CardTrustList::tr("There is no digital card key %1 in the trust list.").arg(keyId),
            QStringLiteral("unknown_key")};
}

}  // namespace

CardTrustList::CardTrustList(const QSqlDatabase& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<Done> CardTrustList::add(quint16 keyId, const QByteArray& publicKey, const QDateTime& validFrom)
{
    if (publicKey.size() != Ed25519::kKeySize || !validFrom.isValid())
        return Error{Error::Code::InvalidInput, tr("A digital card key needs a 32-byte public key and a start date."),
                     QStringLiteral("bad_key")};
    auto existing = find(keyId);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{Error::Code::Conflict, tr("Digital card key %1 is already in the trust list.").arg(keyId),
                     QStringLiteral("duplicate_key")};

    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO card_trust_keys (key_id, public_key, valid_from, valid_until, added_at)"
                                 " VALUES (?, ?, ?, NULL, ?)"));
    query.addBindValue(keyId);
    query.addBindValue(publicKey);
    query.addBindValue(toStorage(validFrom));
    query.addBindValue(m_clock.nowIso());
    if (!query.exec())
        return StoreError::from(query.lastError());
    return Done{};
}

Result<Done> CardTrustList::retire(quint16 keyId, const QDateTime& at)
{
    if (!at.isValid())
        return Error{Error::Code::InvalidInput, tr("Retiring a digital card key needs a date."),
                     QStringLiteral("bad_key")};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE card_trust_keys SET valid_until = ? WHERE key_id = ?"));
    query.addBindValue(toStorage(at));
    query.addBindValue(keyId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (query.numRowsAffected() != 1)
        return notFound(keyId);
    return Done{};
}

Result<Done> CardTrustList::remove(quint16 keyId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM card_trust_keys WHERE key_id = ?"));
    query.addBindValue(keyId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (query.numRowsAffected() != 1)
        return notFound(keyId);
    return Done{};
}

Result<std::optional<TrustedKey>> CardTrustList::find(quint16 keyId) const
{
    QSqlQuery query(m_db);
    query.prepare(kSelect + QStringLiteral(" WHERE key_id = ?"));
    query.addBindValue(keyId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (!query.next())
        return std::optional<TrustedKey>();
    return std::optional<TrustedKey>(keyFrom(query));
}

Result<QList<TrustedKey>> CardTrustList::all() const
{
    QSqlQuery query(m_db);
    if (!query.exec(kSelect + QStringLiteral(" ORDER BY key_id")))
        return StoreError::from(query.lastError());
    QList<TrustedKey> keys;
    while (query.next())
        keys.append(keyFrom(query));
    return keys;
}

}  // namespace loyalty
