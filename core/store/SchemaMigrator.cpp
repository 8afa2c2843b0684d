#include "store/SchemaMigrator.h"

#include "store/Migration.h"
#include "store/StoreError.h"
#include "store/Transaction.h"

#include <QSqlQuery>

namespace loyalty {

SchemaMigrator::SchemaMigrator(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<int> SchemaMigrator::version() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toInt();
}

Result<int> SchemaMigrator::supportedVersion() const
{
    const auto from = version();
    if (!from)
        return from.error();
    const int supported = currentSchemaVersion();
    if (*from > supported) {
        return Error{Error::Code::SchemaTooNew,
                     tr("This database has schema version %1, but this program only knows up to version %2. "
                        "It was written by a newer Loyalty Till; install that version instead. "
                        "The database was not changed.")
                         .arg(*from)
                         .arg(supported)};
    }
    return *from;
}

Result<int> SchemaMigrator::migrate()
{
    const auto from = supportedVersion();
    if (!from)
        return from.error();
    const int supported = currentSchemaVersion();
    for (const Migration& step : allMigrations()) {
        if (step.version <= *from)
            continue;
        if (auto applied = apply(step.version, step.summary, step.statements); !applied)
            return applied.error();
    }
    return supported;
}

Result<Done> SchemaMigrator::apply(int version, const QString& summary, const QStringList& statements)
{
    Transaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery query(m_db);
    for (const QString& statement : statements) {
        if (!query.exec(statement)) {
            Error error = StoreError::from(query.lastError());
            error.message = tr("Upgrading the database to version %1 (%2) failed; it stays at the previous version. %3")
                                .arg(version)
                                .arg(summary, error.message);
            return error;
        }
    }
    // user_version lives in the database header and is written inside the same transaction.
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return StoreError::from(query.lastError());
    return transaction.commit();
}

}  // namespace loyalty
