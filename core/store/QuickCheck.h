#pragma once

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace loyalty {

// SQLite's PRAGMA quick_check on a connection: it reads every page of the file (seconds on a
// million-member till), so the till runs it at open only after an unclean shutdown and otherwise in
// the background (BackgroundIntegrityCheck).
class QuickCheck final
{
public:
    // What SQLite found when the file is damaged, nothing when it is healthy; an Error when the
    // check itself could not run (an I/O error, a busy file, an interruption).
    static Result<std::optional<QString>> run(const QSqlDatabase& db);
};

}  // namespace loyalty
