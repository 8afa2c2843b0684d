#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace loyalty::hq {

class HeadOfficeApi;
struct HqDatabaseUrl;

// Where head office keeps its published till snapshots, and which one is the newest.
//
// The contract (docs/sync-protocol.md, GET /v1/snapshot) shared by head office (TillSnapshotBuilder,
// SnapshotRoute) and the till:
// - The snapshots of a SQLite head office at HQ.db live in the folder "HQ.db.snapshots" beside it
//   (a PostgreSQL head office has none). A published snapshot is "till-snapshot-<seq>.db", where
//   <seq> is the change feed's sequence number the snapshot reached (its cursor is
//   ChangeFeed::encodeCursor(seq)), with "till-snapshot-<seq>.db.sha256" beside it: the lower-case hex
//   SHA-256 of the whole file, 64 characters and a newline. The .sha256 is written first; the
//   database file appears by rename(2) last, so a snapshot without its hash is never published.
// - The file is an ordinary SQLite database (journal_mode=DELETE, no -wal beside it) made by the
//   till's own schema code and filled by the till's own ChangeApplier from the feed, seen by no
//   till (tillId empty), from the beginning to <seq>: what a row-by-row provisioning would hold.
//   Its schema version is PRAGMA user_version (the header's bytes 60..63). Its settings table has
//   the schema's defaults and sync.cursor (= the cursor above); no till.id, no credentials, no
//   head-office key; the outbox, sales, shifts and audit tables are empty.
// - A published file is never written again; only an older, superseded one is removed (the newest
//   two are kept), which is allowed because a snapshot is a derived cache of the feed, not a database
//   of record.
class TillSnapshotStore final
{
    Q_DECLARE_TR_FUNCTIONS(TillSnapshotStore)

public:
    struct Snapshot
    {
        QString path;
        qint64 seq = 0;
        QString cursor;   // ChangeFeed::encodeCursor(seq)
        int schema = 0;   // the till schema version the file was made with
        QString sha256;   // lower-case hex of the whole file
        qint64 size = 0;  // bytes
    };

    explicit TillSnapshotStore(QString directory);

    // The folder for a SQLite head office's database; empty for PostgreSQL.
    static QString directoryFor(const HqDatabaseUrl& url);
    // The folder for the head office behind the HTTP API; empty when it has none (PostgreSQL, a
    // test's stand-in).
    static QString directoryFor(HeadOfficeApi& office);

    const QString& directory() const { return m_directory; }
    // The newest published snapshot; nothing when none is (or the folder does not exist).
    Result<std::optional<Snapshot>> newest() const;
    // Every published snapshot, newest first.
    Result<QList<Snapshot>> published() const;
    // Removes every published snapshot (after an erasure they may hold the erased person's data); a
    // download already under way keeps its open file. Allowed for the reason above: a derived cache.
    // False when a file could not be removed (GET /v1/snapshot still withholds it: erasedSince).
    bool withdrawAll() const;

    static QString fileName(qint64 seq);
    static inline const QString kHashSuffix = QStringLiteral(".sha256");
    static constexpr qsizetype kKept = 2;

private:
    std::optional<Snapshot> read(const QString& fileName, qint64 seq) const;

    QString m_directory;
};

}  // namespace loyalty::hq
