#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace loyalty {

// Moves a damaged database (and its -wal/-shm companions) aside under a new name so that nothing
// is lost and a person can decide what to do with it. Never deletes, never overwrites.
class DatabaseQuarantine final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseQuarantine)

public:
    // Returns the path the database now lives at.
    static Result<QString> moveAside(const QString& path, const QDateTime& now);
};

}  // namespace loyalty
