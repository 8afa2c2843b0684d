#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace loyalty::sync {

class SyncClient;

// Downloads head office's till-shaped snapshot (GET /v1/snapshot, docs/sync-protocol.md) into
// `<till.db>.snapshot.part` beside the till database and proves it whole before anyone opens it for
// real: the length and the SHA-256 head office announced (hashed while writing), SQLite's
// quick_check and the till's own schema version. On any failure the partial file is removed (it is
// a download, not a database) and the till database is not touched.
class SnapshotDownload final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotDownload)

public:
    struct Snapshot
    {
        QString path;    // the verified file, to adopt and then remove
        QString cursor;  // the change feed's cursor the snapshot reached
        int schemaVersion = 0;
        qint64 bytes = 0;
    };

    SnapshotDownload(SyncClient& client, QString tillDatabasePath, int tillSchemaVersion);
    Q_DISABLE_COPY_MOVE(SnapshotDownload)

    // An Error with reason "no_snapshot" when head office has none (404), "snapshot_unavailable"
    // when it could not be fetched, "snapshot_invalid" when the file is not what was announced or
    // not a database of this till's schema.
    Result<Snapshot> fetch();

    static QString partPath(const QString& tillDatabasePath);
    // quick_check and the schema version of a file opened read-only.
    static Result<Done> verify(const QString& path, int schemaVersion);

private:
    SyncClient& m_client;
    QString m_tillDatabasePath;
    int m_tillSchemaVersion;
};

}  // namespace loyalty::sync
