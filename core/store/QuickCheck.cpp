#include "store/QuickCheck.h"

#include "store/StoreError.h"

#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

Result<std::optional<QString>> QuickCheck::run(const QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        // A page so damaged that SQLite cannot even walk it fails the statement instead of a row.
        if (!StoreError::isCorruption(query.lastError()))
            return StoreError::from(query.lastError());
        return std::optional<QString>(query.lastError().databaseText());
    }
    if (!query.next()) {
        if (StoreError::isCorruption(query.lastError()))
            return std::optional<QString>(query.lastError().databaseText());
        if (query.lastError().isValid())
            return StoreError::from(query.lastError());
        return std::optional<QString>();
    }
    const QString first = query.value(0).toString();
    if (first == QLatin1String("ok"))
        return std::optional<QString>();
    return std::optional<QString>(first);
}

}  // namespace loyalty
