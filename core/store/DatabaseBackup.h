#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace loyalty {

class Database;

// What a finished backup holds, for the administrator to check at a glance.
struct BackupSummary
{
    QString path;  // absolute
    qint64 bytes = 0;
    int schemaVersion = 0;
    qint64 members = 0;
};

// A consistent copy of an open till database while the till keeps selling: SQLite's VACUUM INTO
// reads one snapshot (WAL lets writers go on), the copy is written beside the target as
// TARGET.partial, checked (integrity, schema version, the till's tables), flushed to disk and only
// then renamed to TARGET. It never overwrites anything: an existing target or partial file is refused.
class DatabaseBackup final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseBackup)

public:
    static inline const QString kPartialSuffix = QStringLiteral(".partial");

    explicit DatabaseBackup(const Database& database);

    Result<BackupSummary> writeTo(const QString& target) const;

private:
    Result<Done> checkTarget(const QString& target, const QString& partial) const;
    Result<Done> copyInto(const QString& partial) const;
    Result<BackupSummary> verify(const QString& partial) const;
    Error writeFailed(const Error& cause, const QString& partial) const;

    const Database& m_database;
};

}  // namespace loyalty
