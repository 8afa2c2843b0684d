#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// Brings a database from its PRAGMA user_version to the code's schema, one transaction a step.
class SchemaMigrator final
{
    Q_DECLARE_TR_FUNCTIONS(SchemaMigrator)

public:
    explicit SchemaMigrator(const QSqlDatabase& db);

    Result<int> version() const;
    // The database's version, or SchemaTooNew if it is newer than this code; reads only.
    Result<int> supportedVersion() const;
    // Returns the version reached; refuses a database newer than this code.
    Result<int> migrate();

private:
    Result<Done> apply(int version, const QString& summary, const QStringList& statements);

    QSqlDatabase m_db;
};

}  // namespace loyalty
