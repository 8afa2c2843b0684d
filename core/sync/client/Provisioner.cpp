#include "sync/client/Provisioner.h"

#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "sync/SyncSettingKeys.h"
#include "sync/client/CertificatePin.h"
#include "sync/client/SnapshotAdoption.h"
#include "sync/client/SnapshotDownload.h"
#include "sync/client/SyncClient.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace loyalty::sync {

namespace {
// The snapshot writes a million members through several indexes in random order; with SQLite's
// default 2 MB page cache every page spilled to the WAL in the middle of the transaction. A large
// cache only for the snapshot (this connection; restored afterwards) keeps them in memory.
constexpr qint64 kSnapshotCacheKiB = 256 * 1024;

// Every upsert with a trigger or a conflict clause runs under a statement journal (and each page
// under a savepoint, ChangeApplier::Commit::Later) that copies the original of every b-tree page it
// touches; on disk (temp_store=DEFAULT) that was most of the snapshot's write(2) traffic. In memory
// (temp_store=MEMORY, 2) it is a copy. Only for the snapshot; restored afterwards.
constexpr qint64 kSnapshotTempStore = 2;

Result<qint64> pragma(const QSqlDatabase& db, const QString& name)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

Result<Done> setPragma(const QSqlDatabase& db, const QString& name, qint64 value)
{
    QSqlQuery query(db);
    // A PRAGMA takes no bound parameter; name and value are this file's constants or read back.
    if (!query.exec(QStringLiteral("PRAGMA %1 = %2").arg(name).arg(value)))
        return StoreError::from(query.lastError());
    return Done{};
}

Error unreachable(const SyncReply& reply)
{
    return {Error::Code::Refused, Provisioner::tr("Head office could not be reached: %1").arg(reply.describe()),
            QStringLiteral("hq_unreachable")};
}
}  // namespace

Provisioner::Provisioner(const QSqlDatabase& db, const Clock& clock, ApplierFactory applierFactory)
    : m_db(db)
    , m_clock(clock)
    , m_applierFactory(std::move(applierFactory))
{
}

Result<Provisioner::Report> Provisioner::run(const Request& request, const SyncEngine::Progress& progress)
{
    Report report;
    auto existing = SyncEndpoint::load(m_db);
    if (!existing && existing.error().code != Error::Code::NotFound)
        return existing.error();
    SyncEndpoint endpoint;
    if (existing && existing->hasCredentials()) {
        // Credentials from an earlier, perhaps cut, provisioning: the code was spent then.
        report.continued = true;
        endpoint = *existing;
    } else {
        auto provisioned = provision(request, report);
        if (!provisioned)
            return provisioned.error();
        endpoint = *provisioned;
    }
    const auto settings = TillSettings::load(m_db);
    report.tillId = endpoint.tillId;
    report.tillName = settings ? settings->tillName : request.tillName;

    SyncClient client(m_clock, endpoint, request.timeoutMs);
    adoptSnapshot(client, report);
    SyncEngine engine(m_db, m_clock, client, m_applierFactory(m_db),
                      SyncEngine::Options{500, kSnapshotPageLimit, 4 * 1024 * 1024, kSnapshotChangesPerCommit});
    const QString cacheSize = QStringLiteral("cache_size");
    const QString tempStore = QStringLiteral("temp_store");
    const auto cache = pragma(m_db, cacheSize);
    if (!cache)
        return cache.error();
    const auto temp = pragma(m_db, tempStore);
    if (!temp)
        return temp.error();
    if (auto set = setPragma(m_db, cacheSize, -kSnapshotCacheKiB); !set)
        return set.error();
    if (auto set = setPragma(m_db, tempStore, kSnapshotTempStore); !set)
        return set.error();
    const auto snapshot = engine.pullAll(progress);
    auto restoredCache = setPragma(m_db, cacheSize, *cache);
    auto restoredTemp = setPragma(m_db, tempStore, *temp);
    if (!snapshot)
        return snapshot.error();  // first: it says why (the pragmas fail in the open transaction it left)
    if (!restoredCache)
        return restoredCache.error();
    if (!restoredTemp)
        return restoredTemp.error();
    report.snapshot = *snapshot;
    report.changesApplied = snapshot->pulled;
    const auto members = memberCount();
    if (!members)
        return members.error();
    report.members = *members;
    return report;
}

Result<SyncEndpoint> Provisioner::provision(const Request& request, Report& report)
{
    if (request.code.trimmed().isEmpty()) {
        return Error{Error::Code::InvalidInput,
                     tr("This till is not provisioned yet: it needs the code from \"loyalty-hq terminal add\".")};
    }
    if (auto allowed = SyncEndpoint::checkTransport(request.hq, request.allowPlainLoopback); !allowed)
        return allowed.error();
    if (!request.pin.isEmpty() && !CertificatePin::isWellFormed(request.pin)) {
        return Error{Error::Code::InvalidInput,
                     tr("The pin \"%1\" is not sha256/ followed by the base64 of 32 bytes.").arg(request.pin)};
    }
    SyncEndpoint endpoint;
    endpoint.url = request.hq;
    endpoint.allowPlainLoopback = request.allowPlainLoopback;
    endpoint.pin = request.pin;
    if (!request.caFile.isEmpty()) {
        const QFileInfo file(request.caFile);
        if (!file.isFile())
            return Error{Error::Code::NotFound, tr("There is no CA file at %1.").arg(request.caFile)};
        endpoint.caFile = file.absoluteFilePath();  // the till may be started from anywhere later
    }

    QString tillName = request.tillName.trimmed();
    if (tillName.isEmpty()) {
        const auto settings = TillSettings::load(m_db);
        if (!settings)
            return settings.error();
        tillName = settings->tillName;
    }
    SyncClient client(m_clock, endpoint, request.timeoutMs);
    const SyncReply reply = client.provision(request.code.trimmed(), tillName);
    switch (reply.outcome) {
    case SyncReply::Outcome::Ok:
        break;
    case SyncReply::Outcome::BadCode:
        return Error{Error::Code::Refused,
                     tr("Head office refused the code: it is unknown, used or expired. Ask for a new one "
                        "(\"loyalty-hq terminal add\")."),
                     QStringLiteral("bad_code")};
    case SyncReply::Outcome::Unavailable:
    case SyncReply::Outcome::Insecure:
        return unreachable(reply);
    default:
        return Error{Error::Code::Refused, tr("Head office refused to provision this till: %1").arg(reply.describe()),
                     reply.error};
    }

    const QString tillId = reply.body.value(QLatin1String("till_id")).toString();
    const QByteArray secret = QByteArray::fromBase64(reply.body.value(QLatin1String("secret")).toString().toLatin1());
    const QString publicKey = reply.body.value(QLatin1String("hq_public_key")).toString();
    const QString grantedName = reply.body.value(QLatin1String("till_name")).toString();
    if (tillId.isEmpty() || secret.size() != 32) {
        return Error{Error::Code::Refused, tr("Head office's answer to the provisioning lacks the till id or secret."),
                     QStringLiteral("bad_response")};
    }
    if (auto stored = store(request, tillId, grantedName.isEmpty() ? tillName : grantedName, secret, publicKey);
        !stored)
        return stored.error();
    endpoint.tillId = tillId;
    endpoint.secret = secret;
    report.tillId = tillId;
    return endpoint;
}

Result<Done> Provisioner::store(const Request& request, const QString& tillId, const QString& tillName,
                                const QByteArray& secret, const QString& publicKey)
{
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun;
    SettingsRepository settings(m_db);
    const QString caFile = request.caFile.isEmpty() ? QString() : QFileInfo(request.caFile).absoluteFilePath();
    const QList<std::pair<QString, QString>> values{
        {kHqUrlKey, request.hq.toString(QUrl::FullyEncoded)},
        {kTillSecretKey, QString::fromLatin1(secret.toBase64())},
        {kHqPublicKeyKey, publicKey},
        {kCaFileKey, caFile},
        {kPinKey, request.pin},
        {kAllowPlainLoopbackKey, request.allowPlainLoopback ? QStringLiteral("1") : QStringLiteral("0")},
        {kProvisionedKey, QStringLiteral("0")},
        {TillSettings::kTillId, tillId},
        {TillSettings::kTillName, tillName},
    };
    for (const auto& [key, value] : values) {
        // An absent CA file or pin is stored empty, never NULL (the settings table refuses NULL).
        if (auto stored = settings.setValue(key, value.isNull() ? QStringLiteral("") : value); !stored)
            return stored;
    }
    // The till is now the one head office knows: events waiting from before provisioning travel
    // under its id, or head office would refuse them as another till's (wrong_till).
    QSqlQuery rename(m_db);
    rename.prepare(QStringLiteral("UPDATE outbox_events SET till_id = ? WHERE state <> 'acknowledged'"));
    rename.bindValue(0, tillId);
    if (!rename.exec())
        return StoreError::from(rename.lastError());
    return transaction.commit();
}

void Provisioner::adoptSnapshot(SyncClient& client, Report& report)
{
    const auto skip = [&report](const Error& error) {
        report.snapshotSkipped = error.reason.isEmpty() ? QStringLiteral("storage") : error.reason;
        report.snapshotSkippedMessage = error.message;
    };
    SnapshotAdoption adoption(m_db);
    if (auto empty = adoption.checkEmpty(); !empty)
        return skip(empty.error());
    const auto schema = pragma(m_db, QStringLiteral("user_version"));
    if (!schema)
        return skip(schema.error());
    SnapshotDownload download(client, m_db.databaseName(), int(*schema));
    const auto snapshot = download.fetch();
    if (!snapshot)
        return skip(snapshot.error());
    const auto adopted = adoption.adopt(snapshot->path, snapshot->cursor);
    if (!adopted) {
        QFile::remove(snapshot->path);  // verified but not adopted: the feed does the work now
        return skip(adopted.error());
    }
    report.snapshotUsed = true;
    report.snapshotBytes = snapshot->bytes;
}

Result<qint64> Provisioner::memberCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM members")) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

}  // namespace loyalty::sync
