#include "keys/HqSigningKey.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"

#include <QSqlQuery>

namespace loyalty::hq {

Result<Ed25519KeyPair> HqSigningKey::load(HqDatabase& database)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.bindValue(0, kSettingKey);
    if (!query.exec())
        return HqStoreError::from(query.lastError());
    if (!query.next())
        return Error{Error::Code::NotFound, tr("Head office has no programme-signing key yet."),
                     QStringLiteral("no_key")};
    const QByteArray secret = QByteArray::fromBase64(query.value(0).toString().toLatin1());
    const auto publicKey = Ed25519::publicKeyFor(secret);
    if (!publicKey || secret.size() != Ed25519::kKeySize)
        return Error{Error::Code::Corrupt, tr("Head office's programme-signing key in the settings is damaged.")};
    return Ed25519KeyPair{secret, *publicKey};
}

Result<Ed25519KeyPair> HqSigningKey::ensure(HqDatabase& database)
{
    if (auto stored = load(database); stored || stored.error().code != Error::Code::NotFound)
        return stored;
    const auto generated = Ed25519::generate();
    if (!generated)
        return generated.error();
    HqTransaction transaction(database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    // Two loyalty-hq opening a new database at once: the first key stored wins, both use it.
    QSqlQuery insert(database.connection());
    insert.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING"));
    insert.bindValue(0, kSettingKey);
    insert.bindValue(1, QString::fromLatin1(generated->secretKey.toBase64()));
    if (!insert.exec())
        return HqStoreError::from(insert.lastError());
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return load(database);
}

}  // namespace loyalty::hq
