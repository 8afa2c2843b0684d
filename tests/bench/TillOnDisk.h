#pragma once

#include "common/Result.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/SystemClock.h"

#include <memory>

namespace loyalty::bench {

// A till database opened as the till opens it (Database::open: WAL, synchronous=FULL, checks) with its settings.
class TillOnDisk final
{
public:
    static Result<std::unique_ptr<TillOnDisk>> open(const QString& path);
    Q_DISABLE_COPY_MOVE(TillOnDisk)

    Database& database() { return *m_database; }
    const TillSettings& settings() const { return m_settings; }
    const Clock& clock() const { return m_clock; }

private:
    TillOnDisk() = default;

    SystemClock m_clock;
    std::unique_ptr<Database> m_database;
    TillSettings m_settings;
};

}  // namespace loyalty::bench
