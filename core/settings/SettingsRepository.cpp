#include "settings/SettingsRepository.h"

#include "store/StoreError.h"

#include <QSqlQuery>

namespace loyalty {

SettingsRepository::SettingsRepository(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<std::optional<QString>> SettingsRepository::value(const QString& key) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = :key"));
    query.bindValue(QStringLiteral(":key"), key);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Result<Done> SettingsRepository::setValue(const QString& key, const QString& value)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (:key, :value)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    query.bindValue(QStringLiteral(":key"), key);
    query.bindValue(QStringLiteral(":value"), value);
    if (!query.exec())
        return StoreError::from(query.lastError());
    return Done{};
}

}  // namespace loyalty
