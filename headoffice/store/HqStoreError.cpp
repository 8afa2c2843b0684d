#include "store/HqStoreError.h"

namespace loyalty::hq {

namespace {
// SQLite primary result codes (https://sqlite.org/rescode.html) and PostgreSQL SQLSTATEs.
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteNotADatabase = 26;
const QString kPostgresDiskFull = QStringLiteral("53100");
const QString kPostgresDataCorrupted = QStringLiteral("XX001");
}  // namespace

Error HqStoreError::from(const QSqlError& error)
{
    const QString native = error.nativeErrorCode();
    // A SQLSTATE always has five characters; SQLite's (extended) result codes are shorter numbers.
    bool numeric = native.size() < 5;
    const int sqlite = numeric ? (native.toInt(&numeric) & 0xff) : -1;
    if ((numeric && sqlite == kSqliteFull) || native == kPostgresDiskFull) {
        return {Error::Code::DiskFull,
                tr("Head office's disk is full, so nothing was saved. Free some space, then try again.")};
    }
    if ((numeric && (sqlite == kSqliteCorrupt || sqlite == kSqliteNotADatabase)) || native == kPostgresDataCorrupted) {
        return {Error::Code::Corrupt,
                tr("Head office's database is damaged (%1). Nothing was saved; restore the latest backup.")
                    .arg(error.databaseText())};
    }
    return {Error::Code::Storage, tr("Head office's database refused the change: %1").arg(error.text())};
}

}  // namespace loyalty::hq
