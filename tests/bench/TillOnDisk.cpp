#include "TillOnDisk.h"

namespace loyalty::bench {

Result<std::unique_ptr<TillOnDisk>> TillOnDisk::open(const QString& path)
{
    std::unique_ptr<TillOnDisk> till(new TillOnDisk);
    auto database = Database::open(path, till->m_clock, Database::OpenMode::MustExist);
    if (!database)
        return database.error();
    till->m_database = std::move(database).value();
    auto settings = TillSettings::load(till->m_database->connection());
    if (!settings)
        return settings.error();
    till->m_settings = *settings;
    return till;
}

}  // namespace loyalty::bench
