#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace loyalty::hq {

// Where head office keeps its data, from `--db`: a file path (SQLite, the embedded default) or a
// PostgreSQL URL "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE" (QtSql's QPSQL driver).
struct HqDatabaseUrl
{
    Q_DECLARE_TR_FUNCTIONS(HqDatabaseUrl)

public:
    enum class Backend
    {
        Sqlite,
        Postgresql,
    };

    Backend backend = Backend::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    static Result<HqDatabaseUrl> parse(const QString& text);
    // For messages and logs: the URL without its password.
    QString displayName() const;
};

}  // namespace loyalty::hq
