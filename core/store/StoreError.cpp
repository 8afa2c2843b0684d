#include "store/StoreError.h"

namespace loyalty {

namespace {
// SQLite primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteNotADatabase = 26;

int primaryCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}
}  // namespace

bool StoreError::isDiskFull(const QSqlError& error)
{
    return primaryCode(error) == kSqliteFull;
}

bool StoreError::isCorruption(const QSqlError& error)
{
    const int code = primaryCode(error);
    return code == kSqliteCorrupt || code == kSqliteNotADatabase;
}

Error StoreError::from(const QSqlError& error)
{
    if (isDiskFull(error)) {
        return {Error::Code::DiskFull,
                tr("The disk is full, so nothing was saved. Free some space on this till, then try again.")};
    }
    if (isCorruption(error)) {
        return {Error::Code::Corrupt,
                tr("The till database is damaged (%1). Nothing was saved; call your administrator.")
                    .arg(error.databaseText())};
    }
    return {Error::Code::Storage, tr("The till database refused the change: %1").arg(error.text())};
}

}  // namespace loyalty
