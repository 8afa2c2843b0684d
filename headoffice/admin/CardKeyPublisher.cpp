#include "admin/CardKeyPublisher.h"

#include "cards/digital/Ed25519.h"
#include "feed/ChangeFeed.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace loyalty::hq {

namespace {
QString describe(const CardKeyPublisher::CardKey& key)
{
    if (key.validUntil.isEmpty())
        return CardKeyPublisher::tr("public key %1, valid from %2, not retired").arg(key.publicKey, key.validFrom);
    return CardKeyPublisher::tr("public key %1, valid from %2 until %3")
        .arg(key.publicKey, key.validFrom, key.validUntil);
}
}  // namespace

CardKeyPublisher::CardKeyPublisher(HqDatabase& database)
    : m_database(database)
{
}

QString CardKeyPublisher::startOfDay(const QDate& day)
{
    // As Clock::nowIso writes instants ("…Z"), so head office's and the till's times compare as text.
    return day.toString(Qt::ISODate) + QStringLiteral("T00:00:00.000Z");
}

Error CardKeyPublisher::invalid(const QString& message, const QString& reason)
{
    return {Error::Code::InvalidInput, message, reason};
}

Result<std::optional<CardKeyPublisher::CardKey>> CardKeyPublisher::find(int keyId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT public_key, valid_from, valid_until FROM card_keys WHERE key_id = ?"));
    query.bindValue(0, QString::number(keyId));
    if (!query.exec())
        return HqStoreError::from(query.lastError());
    if (!query.next())
        return std::optional<CardKey>();
    return std::optional<CardKey>(
        CardKey{keyId, query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
}

Result<Done> CardKeyPublisher::announce(const CardKey& key)
{
    // Exactly what the till's CatalogueChangeApplier::cardKey reads: a whole-number key id, the
    // base64 key, RFC 3339 instants, null while the key is not retired.
    const QJsonObject data{{QStringLiteral("key_id"), key.keyId},
                           {QStringLiteral("public_key"), key.publicKey},
                           {QStringLiteral("valid_from"), key.validFrom},
                           {QStringLiteral("valid_until"),
                            key.validUntil.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(key.validUntil)}};
    if (auto appended = ChangeFeed(m_database).append(sync::kCardKeyChange, data, QString()); !appended)
        return appended.error();
    return Done{};
}

Result<CardKeyPublisher::Outcome> CardKeyPublisher::add(int keyId, const QString& publicKeyBase64,
                                                        const QDate& validFrom, const std::optional<QDate>& validUntil)
{
    if (keyId < 0 || keyId > kMaxKeyId)
        return invalid(tr("A digital card key id is a whole number from 0 to %1, not %2.").arg(kMaxKeyId).arg(keyId),
                       QStringLiteral("bad_key_id"));
    const QString text = publicKeyBase64.trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (text.isEmpty() || QString::fromLatin1(text.toLatin1()) != text || !decoded ||
        decoded.decoded.size() != Ed25519::kKeySize) {
        return invalid(tr("The public key must be the base64 of a raw Ed25519 public key (32 bytes)."),
                       QStringLiteral("bad_public_key"));
    }
    if (!validFrom.isValid())
        return invalid(tr("A digital card key needs the day it is valid from."), QStringLiteral("bad_window"));
    if (validUntil && (!validUntil->isValid() || *validUntil <= validFrom)) {
        return invalid(tr("The key's last day (--valid-until) must come after its first (--valid-from)."),
                       QStringLiteral("bad_window"));
    }
    // Stored and sent in one canonical form, so the same key typed twice is the same content.
    const CardKey wanted{keyId, QString::fromLatin1(decoded.decoded.toBase64()), startOfDay(validFrom),
                         validUntil ? startOfDay(*validUntil) : QString()};

    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    const auto existing = find(keyId);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        const CardKey& stored = **existing;
        if (stored.publicKey == wanted.publicKey && stored.validFrom == wanted.validFrom &&
            stored.validUntil == wanted.validUntil)
            return Outcome{stored, false};
        return Error{Error::Code::Conflict,
                     tr("Digital card key %1 is published already with other content (%2); key ids are never "
                        "reused, so a new key needs a new id. Nothing was changed.")
                         .arg(keyId)
                         .arg(describe(stored)),
                     QStringLiteral("duplicate_key")};
    }
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO card_keys (key_id, public_key, valid_from, valid_until)"
                                  " VALUES (?, ?, ?, ?)"));
    insert.bindValue(0, QString::number(keyId));
    insert.bindValue(1, wanted.publicKey);
    insert.bindValue(2, wanted.validFrom);
    insert.bindValue(3, wanted.validUntil.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                    : QVariant(wanted.validUntil));
    if (!insert.exec())
        return HqStoreError::from(insert.lastError());
    if (auto announced = announce(wanted); !announced)
        return announced.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return Outcome{wanted, true};
}

Result<CardKeyPublisher::Outcome> CardKeyPublisher::retire(int keyId, const QDate& validUntil)
{
    if (keyId < 0 || keyId > kMaxKeyId)
        return invalid(tr("A digital card key id is a whole number from 0 to %1, not %2.").arg(kMaxKeyId).arg(keyId),
                       QStringLiteral("bad_key_id"));
    if (!validUntil.isValid())
        return invalid(tr("Retiring a digital card key needs the day it is no longer valid from."),
                       QStringLiteral("bad_window"));

    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    const auto existing = find(keyId);
    if (!existing)
        return existing.error();
    if (!existing->has_value()) {
        return Error{Error::Code::NotFound,
                     tr("There is no digital card key %1; \"loyalty-hq card-key add\" publishes one.").arg(keyId),
                     QStringLiteral("unknown_key")};
    }
    CardKey key = **existing;
    const QString until = startOfDay(validUntil);
    if (until <= key.validFrom) {
        return invalid(tr("Digital card key %1 is valid from %2; it can only be retired after that day.")
                           .arg(keyId)
                           .arg(key.validFrom),
                       QStringLiteral("bad_window"));
    }
    if (key.validUntil == until)
        return Outcome{key, false};
    key.validUntil = until;
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE card_keys SET valid_until = ? WHERE key_id = ?"));
    update.bindValue(0, until);
    update.bindValue(1, QString::number(keyId));
    if (!update.exec())
        return HqStoreError::from(update.lastError());
    if (auto announced = announce(key); !announced)
        return announced.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return Outcome{key, true};
}

}  // namespace loyalty::hq
