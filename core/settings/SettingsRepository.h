#pragma once

#include "common/Result.h"

#include <QSqlDatabase>

#include <optional>

namespace loyalty {

// Key-value settings stored in the till database (till identity, currency, earn rate, card range).
class SettingsRepository final
{
public:
    explicit SettingsRepository(const QSqlDatabase& db);

    Result<std::optional<QString>> value(const QString& key) const;
    Result<Done> setValue(const QString& key, const QString& value);

private:
    QSqlDatabase m_db;
};

}  // namespace loyalty
