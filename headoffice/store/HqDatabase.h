#pragma once

#include "common/Result.h"
#include "store/HqDatabaseUrl.h"
#include "store/HqDialect.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace loyalty::hq {

// Head office's storage, whichever backend --db names: one QtSql connection, configured and
// migrated to the current schema when opened. SQLite: WAL, synchronous=FULL, foreign keys and a
// busy timeout, each checked. PostgreSQL: the QPSQL driver. Everything above this class is one SQL
// implementation; HqDialect holds the few differences.
class HqDatabase final
{
    Q_DECLARE_TR_FUNCTIONS(HqDatabase)

public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist,  // NotFound when there is no head-office database yet (no file, or an empty PostgreSQL database)
    };

    static Result<std::unique_ptr<HqDatabase>> open(const HqDatabaseUrl& url,
                                                    OpenMode mode = OpenMode::CreateIfMissing);
    ~HqDatabase();
    Q_DISABLE_COPY_MOVE(HqDatabase)

    QSqlDatabase connection() const { return m_db; }
    const HqDialect& dialect() const { return m_dialect; }
    const HqDatabaseUrl& url() const { return m_url; }
    QString displayName() const { return m_url.displayName(); }
    int schemaVersion() const { return m_schemaVersion; }

private:
    HqDatabase(const HqDatabaseUrl& url, QString connectionName);
    Result<Done> openSqlite(OpenMode mode);
    Result<Done> openPostgresql();
    Result<Done> configureSqlite();
    Result<Done> checkSqliteIntegrity();

    HqDatabaseUrl m_url;
    HqDialect m_dialect;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
};

}  // namespace loyalty::hq
