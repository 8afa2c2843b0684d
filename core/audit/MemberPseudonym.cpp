#include "audit/MemberPseudonym.h"

#include "store/StoreError.h"

#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QVariant>

#include <openssl/rand.h>

namespace loyalty {

MemberPseudonym::MemberPseudonym(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<QByteArray> MemberPseudonym::key() const
{
    if (!m_key.isEmpty())
        return m_key;
    QSqlQuery select(m_db);
    select.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    select.bindValue(0, kKeySetting);
    if (!select.exec())
        return StoreError::from(select.lastError());
    QString hex = select.next() ? select.value(0).toString() : QString();
    select.finish();
    if (hex.isEmpty()) {
        QByteArray fresh(kKeyBytes, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char*>(fresh.data()), kKeyBytes) != 1)
            return Error{Error::Code::Storage, tr("The system's random number generator failed."),
                         QStringLiteral("random_failed")};
        hex = QString::fromLatin1(fresh.toHex());
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"));
        insert.bindValue(0, kKeySetting);
        insert.bindValue(1, hex);
        if (!insert.exec())
            return StoreError::from(insert.lastError());
    }
    const QByteArray stored = QByteArray::fromHex(hex.toLatin1());
    if (stored.size() != kKeyBytes) {
        // A new key would give every member a new name and break the link to earlier entries.
        return Error{Error::Code::Corrupt, tr("The till's key for member pseudonyms is damaged."),
                     QStringLiteral("pseudonym_key_damaged")};
    }
    m_key = stored;
    return m_key;
}

Result<QString> MemberPseudonym::of(const QString& memberUuid) const
{
    if (memberUuid.isEmpty())
        return Error{Error::Code::InvalidInput, tr("A member pseudonym needs the member's uuid."),
                     QStringLiteral("no_member")};
    const auto secret = key();
    if (!secret)
        return secret.error();
    const QByteArray mac =
        QMessageAuthenticationCode::hash(memberUuid.toLower().toUtf8(), *secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.toHex().left(kLength));
}

}  // namespace loyalty
