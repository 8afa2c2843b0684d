#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace loyalty::sync {

// Copies a verified snapshot (SnapshotDownload) into a till database that holds nothing of head
// office's yet: every shared table in ONE write transaction with SQLite's transfer optimisation
// (the destination empty, the same definitions, no triggers during the copy, foreign keys off),
// the search index as its FTS5 shadow tables, and the feed cursor the snapshot reached; the
// downloaded file is removed afterwards. The till then pulls the feed from that cursor as usual.
// A till that has members, cards, ledger entries, sales or a cursor already is refused (reason
// "till_not_empty"): it continues with the paged feed.
class SnapshotAdoption final
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotAdoption)

public:
    struct Options
    {
        // FTS5's 'integrity-check' of the copied index inside the transaction (slow at 1M members).
        bool checkSearchIndex = false;
    };
    struct Adopted
    {
        qint64 members = 0;
        QString cursor;
    };

    explicit SnapshotAdoption(const QSqlDatabase& db);
    SnapshotAdoption(const QSqlDatabase& db, Options options);
    Q_DISABLE_COPY_MOVE(SnapshotAdoption)

    // Only whether the till may adopt a snapshot: nothing of head office's in it yet.
    Result<Done> checkEmpty() const;
    Result<Adopted> adopt(const QString& snapshotPath, const QString& cursor);

    // The tables a row-by-row provisioning fills, the search index as its shadow tables.
    static const QStringList& sharedTables();

private:
    Result<Adopted> copy(const QSqlDatabase& db, const QString& cursor);

    QSqlDatabase m_db;
    Options m_options;
};

}  // namespace loyalty::sync
