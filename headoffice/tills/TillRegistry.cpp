#include "tills/TillRegistry.h"

#include "keys/HqSigningKey.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/HqTransaction.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QUuid>

#include <openssl/rand.h>

namespace loyalty::hq {

namespace {
// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives.
const QString kCodeAlphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
constexpr int kCodeGroups = 3;
constexpr int kCodeGroupLength = 4;

Result<QByteArray> randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), count) != 1)
        return Error{Error::Code::Storage, TillRegistry::tr("The system's random number generator failed.")};
    return bytes;
}

Error badCode()
{
    return {Error::Code::Refused,
            TillRegistry::tr("This provisioning code is unknown, used or expired. Ask head office for a new one "
                             "(loyalty-hq terminal add)."),
            QStringLiteral("bad_code")};
}
}  // namespace

TillRegistry::TillRegistry(HqDatabase& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

QString TillRegistry::normaliseCode(const QString& typed)
{
    QString code;
    for (const QChar c : typed.toUpper()) {
        if (c == u'-' || c.isSpace())
            continue;
        code += c == u'O' ? u'0' : (c == u'I' || c == u'L') ? u'1' : c;
    }
    return code;
}

QString TillRegistry::codeHash(const QString& typed)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(normaliseCode(typed).toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<ProvisioningCode> TillRegistry::addTerminal(const QString& name)
{
    const QString tillName = name.trimmed();
    if (tillName.isEmpty() || tillName.size() > 100)
        return Error{Error::Code::InvalidInput, tr("A till needs a name of 1 to 100 characters.")};
    const auto random = randomBytes(kCodeGroups * kCodeGroupLength);
    if (!random)
        return random.error();
    QString code;
    for (int i = 0; i < random->size(); ++i) {
        if (i > 0 && i % kCodeGroupLength == 0)
            code += u'-';
        code += kCodeAlphabet.at(static_cast<unsigned char>(random->at(i)) %
                                 kCodeAlphabet.size());  // 256 % 32 == 0: unbiased
    }
    const QDateTime now = m_clock.now().toUTC();
    ProvisioningCode provisioning{tillName, code, now.addSecs(kCodeValiditySeconds).toString(Qt::ISODateWithMs)};

    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO provisioning_codes (code_sha256, till_name, created_at, expires_at)"
                                  " VALUES (?, ?, ?, ?)"));
    insert.bindValue(0, codeHash(code));
    insert.bindValue(1, tillName);
    insert.bindValue(2, now.toString(Qt::ISODateWithMs));
    insert.bindValue(3, provisioning.expiresAt);
    if (!insert.exec())
        return HqStoreError::from(insert.lastError());
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return provisioning;
}

Result<ProvisionedTill> TillRegistry::provision(const QString& code, const QString& requestedTillName)
{
    const auto key = HqSigningKey::load(m_database);
    if (!key)
        return key.error();
    const auto secret = randomBytes(kSecretBytes);
    if (!secret)
        return secret.error();
    const QString now = m_clock.nowIso();
    const QString hash = codeHash(code);

    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    const QSqlDatabase db = m_database.connection();
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT till_name FROM provisioning_codes"
                                " WHERE code_sha256 = ? AND used_at IS NULL AND expires_at > ?"));
    find.bindValue(0, hash);
    find.bindValue(1, now);
    if (!find.exec())
        return HqStoreError::from(find.lastError());
    if (!find.next())
        return badCode();
    ProvisionedTill till;
    till.tillId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Head office named the till when it made the code; the till's own suggestion is the fallback.
    till.tillName = find.value(0).toString().isEmpty() ? requestedTillName.trimmed() : find.value(0).toString();
    till.secret = *secret;
    till.publicKey = key->publicKey;
    find.finish();

    QSqlQuery insertTill(db);
    insertTill.prepare(
        QStringLiteral("INSERT INTO tills (id, name, secret, state, provisioned_at) VALUES (?, ?, ?, 'active', ?)"));
    insertTill.bindValue(0, till.tillId);
    insertTill.bindValue(1, till.tillName);
    insertTill.bindValue(2, QString::fromLatin1(till.secret.toBase64()));
    insertTill.bindValue(3, now);
    if (!insertTill.exec())
        return HqStoreError::from(insertTill.lastError());
    QSqlQuery counters(db);
    counters.prepare(QStringLiteral("INSERT INTO till_counters (till_id) VALUES (?)"));
    counters.bindValue(0, till.tillId);
    if (!counters.exec())
        return HqStoreError::from(counters.lastError());
    QSqlQuery use(db);
    use.prepare(QStringLiteral("UPDATE provisioning_codes SET used_at = ?, till_id = ?"
                               " WHERE code_sha256 = ? AND used_at IS NULL"));
    use.bindValue(0, now);
    use.bindValue(1, till.tillId);
    use.bindValue(2, hash);
    if (!use.exec())
        return HqStoreError::from(use.lastError());
    if (use.numRowsAffected() != 1)
        return badCode();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return till;
}

Result<QByteArray> TillRegistry::activeTillSecret(const QString& tillId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT secret FROM tills WHERE id = ? AND state = 'active'"));
    query.bindValue(0, tillId);
    if (!query.exec())
        return HqStoreError::from(query.lastError());
    if (!query.next()) {
        return Error{Error::Code::NotFound, tr("Head office does not know an active till %1.").arg(tillId.left(64)),
                     QStringLiteral("unknown_till")};
    }
    return QByteArray::fromBase64(query.value(0).toString().toLatin1());
}

Result<Done> TillRegistry::disable(const QString& tillId)
{
    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE tills SET state = 'disabled' WHERE id = ?"));
    update.bindValue(0, tillId);
    if (!update.exec())
        return HqStoreError::from(update.lastError());
    if (update.numRowsAffected() != 1) {
        return Error{Error::Code::NotFound, tr("Head office knows no till %1.").arg(tillId.left(64)),
                     QStringLiteral("unknown_till")};
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return Done{};
}

Result<bool> TillRegistry::rememberNonce(const QString& tillId, const QByteArray& nonce, qint64 unixTime)
{
    HqTransaction transaction(m_database);
    if (auto begun = transaction.beginWrite(); !begun)
        return begun.error();
    const auto fresh = rememberNonceInTransaction(tillId, nonce, unixTime);
    if (!fresh)
        return fresh;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return fresh;
}

Result<bool> TillRegistry::rememberNonceInTransaction(const QString& tillId, const QByteArray& nonce, qint64 unixTime)
{
    const QSqlDatabase db = m_database.connection();
    QSqlQuery forget(db);
    forget.prepare(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"));
    forget.bindValue(0, unixTime - sync::kNonceMemorySeconds);
    if (!forget.exec())
        return HqStoreError::from(forget.lastError());
    QSqlQuery remember(db);
    remember.prepare(
        QStringLiteral("INSERT INTO nonces (till_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    remember.bindValue(0, tillId);
    remember.bindValue(1, QString::fromLatin1(nonce));
    remember.bindValue(2, unixTime);
    if (!remember.exec())
        return HqStoreError::from(remember.lastError());
    return remember.numRowsAffected() == 1;
}

Result<QList<TillRecord>> TillRegistry::tills(HqDatabase& database)
{
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT t.id, t.name, t.state, t.provisioned_at, coalesce(c.accepted, 0),"
                                   " coalesce(c.duplicates, 0), coalesce(c.rejected, 0),"
                                   " coalesce(c.last_sequence, 0), c.last_seen"
                                   " FROM tills t LEFT JOIN till_counters c ON c.till_id = t.id"
                                   " ORDER BY t.provisioned_at, t.id")))
        return HqStoreError::from(query.lastError());
    QList<TillRecord> tills;
    while (query.next()) {
        tills.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                      query.value(3).toString(), query.value(4).toLongLong(), query.value(5).toLongLong(),
                      query.value(6).toLongLong(), query.value(7).toLongLong(), query.value(8).toString()});
    }
    return tills;
}

}  // namespace loyalty::hq
