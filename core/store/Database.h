#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <memory>

namespace loyalty {

class Clock;

// An open, checked and migrated till database: WAL, synchronous=FULL, foreign keys, busy
// timeout. A file that fails its integrity check is quarantined, never repaired in place.
// This process's Databases on one file share its check: a second one (the sync worker's, the
// reports') does not read the whole file again while the first is open.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist
    };
    // When PRAGMA quick_check (QuickCheck: it reads the whole file, seconds on a 1M-member till) runs.
    enum class IntegrityCheck
    {
        AtOpen,
        // At open only after an unclean shutdown: a -wal or -journal file beside the database (SQLite
        // removes the log when the last connection closes cleanly; a crash, a kill or a power cut
        // leaves it), or another process has it open right now. Otherwise integrityCheckPending() is
        // true and the caller must run BackgroundIntegrityCheck and quarantineDamaged() on a finding.
        AfterUncleanShutdown
    };

    static Result<std::unique_ptr<Database>> open(const QString& path, const Clock& clock,
                                                  OpenMode mode = OpenMode::CreateIfMissing,
                                                  IntegrityCheck check = IntegrityCheck::AtOpen);
    // Moves a database that failed its integrity check aside (DatabaseQuarantine: nothing deleted or
    // overwritten) and returns the Corrupt error that says where it is and what to do. Every
    // connection to it must be closed first.
    static Error quarantineDamaged(const QString& path, const QString& finding, const QDateTime& now);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QSqlDatabase connection() const { return m_db; }
    const QString& path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }
    // Opened with AfterUncleanShutdown after a clean shutdown: the check is the caller's to run.
    bool integrityCheckPending() const { return m_integrityCheckPending; }

    // PRAGMA integrity_check: empty when healthy, otherwise what SQLite found.
    QStringList integrityProblems() const;

private:
    Database(QString path, QString connectionName);
    Result<Done> configure();
    Result<Done> checkIntegrityAtOpen(const Clock& clock);
    void registerOpenFile();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    bool m_integrityCheckPending = false;
    QString m_openFileKey;  // canonical path while counted among this process's open files
};

}  // namespace loyalty
