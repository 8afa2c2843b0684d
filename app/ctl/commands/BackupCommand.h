#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `backup --out FILE`: a consistent copy of the till database while the till runs (DatabaseBackup),
// never over an existing file; prints where it went, its size, schema version and members.
class BackupCommand final
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommand)

public:
    explicit BackupCommand(const Database& database);

    Result<CtlReport> run(const QString& target) const;

private:
    const Database& m_database;
};

}  // namespace loyalty
