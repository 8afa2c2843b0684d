#include "store/DatabaseBackup.h"

#include "settings/TillSettings.h"
#include "store/Database.h"
#include "store/SchemaMigrator.h"
#include "store/StoreError.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <fcntl.h>
#include <unistd.h>

namespace loyalty {

namespace {

// SQLite primary result codes (https://sqlite.org/rescode.html) that mean "cannot write there".
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteReadOnly = 8;

int primaryCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

QString nextCheckConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("loyalty-backup-check-%1").arg(counter.fetchAndAddRelaxed(1));
}

Result<QString> singleValue(const QSqlDatabase& db, const QString& sql, const QString& bound = QString())
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return StoreError::from(query.lastError());
    if (!bound.isNull())
        query.addBindValue(bound);
    if (!query.exec())
        return StoreError::from(query.lastError());
    return query.next() ? query.value(0).toString() : QString();
}

// The rename is only as durable as the folder entry: flush the folder too.
bool syncPath(const QString& path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

}  // namespace

DatabaseBackup::DatabaseBackup(const Database& database)
    : m_database(database)
{
}

Result<BackupSummary> DatabaseBackup::writeTo(const QString& target) const
{
    if (target.trimmed().isEmpty())
        return Error{Error::Code::InvalidInput, tr("The backup needs the path of a new file.")};
    const QString absolute = QFileInfo(target).absoluteFilePath();
    const QString partial = absolute + kPartialSuffix;
    if (auto free = checkTarget(absolute, partial); !free)
        return free.error();

    if (auto copied = copyInto(partial); !copied)
        return writeFailed(copied.error(), partial);
    auto summary = verify(partial);
    if (!summary)
        return writeFailed(summary.error(), partial);

    if (!syncPath(partial, O_RDONLY)) {
        return writeFailed(Error{Error::Code::Storage,
                                 tr("The backup %1 could not be flushed to disk; it was not kept.").arg(absolute),
                                 QStringLiteral("backup_io")},
                           partial);
    }
    // QFile::rename never replaces an existing file (renameat2 with RENAME_NOREPLACE on Linux), so a
    // file that appeared at the target meanwhile is left alone.
    if (QFileInfo(absolute).exists() || !QFile::rename(partial, absolute)) {
        return writeFailed(Error{Error::Code::Refused,
                                 tr("%1 appeared while the backup was written; it was left untouched and the "
                                    "backup was not kept. Choose a new file name.")
                                     .arg(absolute),
                                 QStringLiteral("target_exists")},
                           partial);
    }
    syncPath(QFileInfo(absolute).absolutePath(), O_RDONLY | O_DIRECTORY);
    summary.value().path = absolute;
    summary.value().bytes = QFileInfo(absolute).size();
    return summary;
}

Result<Done> DatabaseBackup::checkTarget(const QString& target, const QString& partial) const
{
    const QFileInfo targetInfo(target);
    // A dangling symbolic link "does not exist" but writing through it would still overwrite something.
    if (targetInfo.exists() || targetInfo.isSymLink()) {
        return Error{Error::Code::Refused,
                     tr("%1 exists already. A backup never overwrites a file: choose a new name, e.g. one with "
                        "today's date.")
                         .arg(target),
                     QStringLiteral("target_exists")};
    }
    const QFileInfo partialInfo(partial);
    if (partialInfo.exists() || partialInfo.isSymLink()) {
        return Error{Error::Code::Refused,
                     tr("%1 exists (perhaps left by a backup that was interrupted). It was left untouched: "
                        "remove it or choose another name.")
                         .arg(partial),
                     QStringLiteral("partial_exists")};
    }
    const QFileInfo folder(targetInfo.absolutePath());
    if (!folder.exists() || !folder.isDir()) {
        return Error{Error::Code::NotFound, tr("The folder %1 for the backup does not exist.").arg(folder.filePath()),
                     QStringLiteral("target_folder_missing")};
    }
    if (!folder.isWritable()) {
        return Error{Error::Code::Storage,
                     tr("The backup cannot be written to the folder %1: no permission to write there. Choose a "
                        "folder that the user running loyalty-ctl may write to.")
                         .arg(folder.filePath()),
                     QStringLiteral("target_unwritable")};
    }
    return Done{};
}

Result<Done> DatabaseBackup::copyInto(const QString& partial) const
{
    // VACUUM INTO reads one snapshot of the database in a read transaction: the till's writers go on
    // (WAL), and the copy is compact and holds everything committed at that moment.
    QSqlQuery query(m_database.connection());
    if (!query.prepare(QStringLiteral("VACUUM INTO ?")))
        return StoreError::from(query.lastError());
    query.addBindValue(partial);
    if (query.exec())
        return Done{};

    const QSqlError error = query.lastError();
    const QString folder = QFileInfo(partial).absolutePath();
    if (StoreError::isDiskFull(error)) {
        return Error{Error::Code::DiskFull,
                     tr("The disk holding %1 is full, so the backup was not written. Free some space there or "
                        "choose another disk; nothing on the till changed.")
                         .arg(folder),
                     QStringLiteral("disk_full")};
    }
    const int code = primaryCode(error);
    if (code == kSqliteCantOpen || code == kSqliteReadOnly) {
        return Error{Error::Code::Storage,
                     tr("The backup cannot be written to the folder %1 (%2). Choose a folder that the user "
                        "running loyalty-ctl may write to.")
                         .arg(folder, error.databaseText()),
                     QStringLiteral("target_unwritable")};
    }
    if (code == kSqliteIoErr) {
        return Error{Error::Code::Storage,
                     tr("Writing the backup to %1 failed (%2); the disk may be failing or was removed.")
                         .arg(folder, error.databaseText()),
                     QStringLiteral("backup_io")};
    }
    return StoreError::from(error);
}

Result<BackupSummary> DatabaseBackup::verify(const QString& partial) const
{
    const auto tillId = singleValue(m_database.connection(), QStringLiteral("SELECT value FROM settings WHERE key = ?"),
                                    TillSettings::kTillId);
    if (!tillId)
        return tillId.error();

    const QString connectionName = nextCheckConnectionName();
    Result<BackupSummary> result = Error{Error::Code::Corrupt, QString()};
    {
        QSqlDatabase copy = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        copy.setDatabaseName(partial);
        // Read only: the check must not turn the copy into something else (e.g. switch it to WAL).
        copy.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        result = [&]() -> Result<BackupSummary> {
            const auto failed = [&](const QString& finding) {
                return Error{Error::Code::Corrupt,
                             tr("The backup copy failed its check (%1), so it was not kept. Run \"loyalty-ctl "
                                "check\" on the till database.")
                                 .arg(finding),
                             QStringLiteral("backup_check_failed")};
            };
            if (!copy.open())
                return failed(copy.lastError().text());
            QSqlQuery integrity(copy);
            if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")))
                return failed(integrity.lastError().text());
            QStringList problems;
            while (integrity.next()) {
                if (integrity.value(0).toString() != QLatin1String("ok"))
                    problems << integrity.value(0).toString();
            }
            integrity.finish();
            if (!problems.isEmpty())
                return failed(problems.join(QStringLiteral("; ")));

            const auto version = SchemaMigrator(copy).version();
            if (!version)
                return failed(version.error().message);
            if (*version != m_database.schemaVersion()) {
                return failed(tr("schema version %1 instead of %2").arg(*version).arg(m_database.schemaVersion()));
            }
            const auto copiedTill =
                singleValue(copy, QStringLiteral("SELECT value FROM settings WHERE key = ?"), TillSettings::kTillId);
            if (!copiedTill)
                return failed(copiedTill.error().message);
            if (*copiedTill != *tillId)
                return failed(tr("it is not this till's database"));
            const auto members = singleValue(copy, QStringLiteral("SELECT COUNT(*) FROM members"));
            if (!members)
                return failed(members.error().message);
            BackupSummary summary;
            summary.schemaVersion = *version;
            summary.members = members->toLongLong();
            return summary;
        }();
        copy.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return result;
}

Error DatabaseBackup::writeFailed(const Error& cause, const QString& partial) const
{
    // Only ever our own file: checkTarget made sure nothing was at this path before the copy began.
    if (QFileInfo::exists(partial) && !QFile::remove(partial)) {
        Error kept = cause;
        kept.message += u' ' + tr("The incomplete copy %1 could not be removed; delete it by hand.").arg(partial);
        return kept;
    }
    return cause;
}

}  // namespace loyalty
