#include "sync/client/SnapshotDownload.h"

#include "sync/client/SyncClient.h"
#include "sync/protocol/SyncProtocol.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <memory>
#include <openssl/evp.h>
#include <unistd.h>

namespace loyalty::sync {

namespace {

Error invalid(const QString& message)
{
    return {Error::Code::Corrupt, message, QStringLiteral("snapshot_invalid")};
}

struct DigestFree
{
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

// Removes the partial file unless released: every early return leaves nothing behind.
class PartFile final
{
public:
    explicit PartFile(QString path)
        : m_path(std::move(path))
    {
    }
    ~PartFile()
    {
        if (!m_kept)
            QFile::remove(m_path);
    }
    Q_DISABLE_COPY_MOVE(PartFile)
    void keep() { m_kept = true; }

private:
    QString m_path;
    bool m_kept = false;
};

}  // namespace

SnapshotDownload::SnapshotDownload(SyncClient& client, QString tillDatabasePath, int tillSchemaVersion)
    : m_client(client)
    , m_tillDatabasePath(std::move(tillDatabasePath))
    , m_tillSchemaVersion(tillSchemaVersion)
{
}

QString SnapshotDownload::partPath(const QString& tillDatabasePath)
{
    return tillDatabasePath + QStringLiteral(".snapshot.part");
}

Result<SnapshotDownload::Snapshot> SnapshotDownload::fetch()
{
    Snapshot snapshot;
    snapshot.path = partPath(m_tillDatabasePath);
    QFile::remove(snapshot.path);  // a download cut earlier: start over
    PartFile part(snapshot.path);
    QFile file(snapshot.path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return Error{Error::Code::Storage,
                     tr("The snapshot could not be written to %1: %2").arg(snapshot.path, file.errorString()),
                     QStringLiteral("snapshot_unavailable")};
    }
    std::unique_ptr<EVP_MD_CTX, DigestFree> digest(EVP_MD_CTX_new());
    if (!digest || !EVP_DigestInit_ex(digest.get(), EVP_sha256(), nullptr))
        return Error{Error::Code::Storage, tr("SHA-256 is not available."), QStringLiteral("snapshot_unavailable")};
    const SyncReply reply = m_client.download(kSnapshotPath, [&](const char* data, qint64 size) {
        return file.write(data, size) == size && EVP_DigestUpdate(digest.get(), data, size_t(size)) == 1;
    });
    if (reply.httpStatus == 404) {
        return Error{Error::Code::NotFound, tr("Head office has no snapshot: %1").arg(reply.describe()),
                     QStringLiteral("no_snapshot")};
    }
    if (!reply.ok()) {
        return Error{Error::Code::Refused, tr("The snapshot could not be downloaded: %1").arg(reply.describe()),
                     QStringLiteral("snapshot_unavailable")};
    }
    // The whole file must be on disk before SQLite reads it (and survives a power cut before adoption).
    if (!file.flush() || !file.handle() || ::fsync(file.handle()) != 0) {
        return Error{Error::Code::DiskFull,
                     tr("The snapshot could not be written to %1: %2").arg(snapshot.path, file.errorString()),
                     QStringLiteral("snapshot_unavailable")};
    }
    file.close();

    const QByteArray cursor = reply.headers.value("x-snapshot-cursor");
    const QByteArray schema = reply.headers.value("x-snapshot-schema");
    const QByteArray announcedDigest = reply.headers.value("x-snapshot-sha256").trimmed().toLower();
    bool lengthRead = false;
    const qint64 announcedLength = reply.headers.value("content-length").trimmed().toLongLong(&lengthRead);
    bool schemaRead = false;
    snapshot.schemaVersion = schema.trimmed().toInt(&schemaRead);
    snapshot.cursor = QString::fromUtf8(cursor);
    snapshot.bytes = reply.bodyBytes;
    if (!reply.headers.contains("x-snapshot-cursor") || !schemaRead || announcedDigest.size() != 64 || !lengthRead)
        return invalid(tr("Head office's snapshot lacks its cursor, schema, SHA-256 or length."));
    if (announcedLength != reply.bodyBytes) {
        return invalid(tr("The snapshot was cut: %1 of %2 bytes arrived.").arg(reply.bodyBytes).arg(announcedLength));
    }
    unsigned char value[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!EVP_DigestFinal_ex(digest.get(), value, &size))
        return Error{Error::Code::Storage, tr("SHA-256 is not available."), QStringLiteral("snapshot_unavailable")};
    if (QByteArray(reinterpret_cast<const char*>(value), int(size)).toHex() != announcedDigest)
        return invalid(tr("The snapshot's SHA-256 is not the one head office announced."));
    if (snapshot.schemaVersion != m_tillSchemaVersion) {
        return invalid(tr("The snapshot has schema version %1, this till %2.")
                           .arg(snapshot.schemaVersion)
                           .arg(m_tillSchemaVersion));
    }
    if (auto verified = verify(snapshot.path, m_tillSchemaVersion); !verified)
        return verified.error();
    part.keep();
    return snapshot;
}

Result<Done> SnapshotDownload::verify(const QString& path, int schemaVersion)
{
    const QString name = QStringLiteral("snapshot-check-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<Done> result = Done{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            result = invalid(tr("The snapshot is not a database: %1").arg(db.lastError().text()));
        } else {
            QSqlQuery check(db);
            if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
                check.value(0).toString() != u"ok") {
                result = invalid(
                    tr("The snapshot failed SQLite's quick check: %1")
                        .arg(check.lastError().isValid() ? check.lastError().text() : check.value(0).toString()));
            } else {
                check.finish();
                QSqlQuery version(db);
                if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
                    result = invalid(tr("The snapshot's schema version could not be read."));
                } else if (version.value(0).toInt() != schemaVersion) {
                    result = invalid(tr("The snapshot has schema version %1, this till %2.")
                                         .arg(version.value(0).toInt())
                                         .arg(schemaVersion));
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

}  // namespace loyalty::sync
