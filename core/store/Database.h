#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace loyalty {

class Clock;

// An open, checked and migrated till database: WAL, synchronous=FULL, foreign keys, busy
// timeout. A file that fails its integrity check is quarantined, never repaired in place.
class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist
    };

    static Result<std::unique_ptr<Database>> open(const QString& path, const Clock& clock,
                                                  OpenMode mode = OpenMode::CreateIfMissing);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QSqlDatabase connection() const { return m_db; }
    const QString& path() const { return m_path; }
    int schemaVersion() const { return m_schemaVersion; }

    // PRAGMA integrity_check: empty when healthy, otherwise what SQLite found.
    QStringList integrityProblems() const;

private:
    Database(QString path, QString connectionName);
    Result<Done> configure();
    Result<Done> checkIntegrityAtOpen(const Clock& clock);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
};

}  // namespace loyalty
