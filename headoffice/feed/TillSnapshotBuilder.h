#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace loyalty {
class Database;
}

namespace loyalty::hq {

class HeadOffice;

// Builds and publishes a till snapshot (the contract is in TillSnapshotStore.h): a new till
// database made by the till's own schema code, filled by the till's own ChangeApplier from head
// office's change feed exactly as a provisioning till would fill it row by row (pages of 5000,
// committed every 100,000 changes, the member search index filled once per page), then switched to
// journal_mode=DELETE, fsynced, hashed and renamed into place. Built with secure_delete, so the
// till identity the schema gives every new database and the head-office key the programmes were
// checked with are gone from the file, not merely unlinked.
class TillSnapshotBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(TillSnapshotBuilder)

public:
    struct Published
    {
        QString path;
        QString cursor;
        qint64 seq = 0;
        int schema = 0;
        QString sha256;
        qint64 size = 0;
        qint64 members = 0;
        qint64 changes = 0;  // feed changes applied
        // The feed already ended at this snapshot's sequence number: nothing new was published and
        // the existing file (never rewritten) is the one reported.
        bool alreadyPublished = false;
        qint64 behind = 0;  // changes in the feed after it, when the build finished
        int removed = 0;    // older snapshots removed
    };

    explicit TillSnapshotBuilder(HeadOffice& office);

    // An Error for a PostgreSQL head office (no folder beside it), a build already running
    // (Refused, "snapshot_busy"), a change the till refuses and storage failures; nothing is
    // published then and the partial file is removed.
    Result<Published> publish();

    static constexpr int kPageLimit = 5000;               // Provisioner::kSnapshotPageLimit
    static constexpr qint64 kChangesPerCommit = 100'000;  // Provisioner::kSnapshotChangesPerCommit

private:
    Result<Published> build(const QString& path);
    // Fills the new till database from the feed and leaves it in journal_mode=DELETE.
    Result<Published> fill(Database& database);

    HeadOffice& m_office;
};

}  // namespace loyalty::hq
