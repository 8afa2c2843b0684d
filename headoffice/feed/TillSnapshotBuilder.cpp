#include "feed/TillSnapshotBuilder.h"

#include "HeadOffice.h"
#include "feed/ChangeFeed.h"
#include "feed/TillSnapshotStore.h"
#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "store/HqDatabase.h"
#include "store/HqStoreError.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "sync/SyncSettingKeys.h"
#include "sync/apply/ChangeApplier.h"
#include "time/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QSqlQuery>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <openssl/evp.h>
#include <unistd.h>

namespace loyalty::hq {

namespace {
// As the provisioning till (Provisioner): a large page cache and statement journals in memory,
// so the million members' index pages stay in memory between the big commits.
constexpr qint64 kCacheKiB = 256 * 1024;
const QString kBuildingName = QStringLiteral(".till-snapshot-building.db");

Error storageError(const QString& message)
{
    return {Error::Code::Storage, message};
}

Result<Done> exec(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return StoreError::from(query.lastError());
    return Done{};
}

Result<Done> fsyncPath(const QString& path, bool directory)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0)
        return storageError(
            TillSnapshotBuilder::tr("Cannot open %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
    const bool synced = ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!synced) {
        return Error{
            error == ENOSPC ? Error::Code::DiskFull : Error::Code::Storage,
            TillSnapshotBuilder::tr("Cannot write %1 to disk: %2").arg(path, QString::fromLocal8Bit(strerror(error)))};
    }
    return Done{};
}

// OpenSSL's SHA-256 (several times QCryptographicHash's speed here), read in 1 MiB blocks.
Result<QString> sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return storageError(TillSnapshotBuilder::tr("Cannot read %1: %2").arg(path, file.errorString()));
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
        return storageError(TillSnapshotBuilder::tr("SHA-256 is not available."));
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 read = file.read(block.data(), block.size());
        if (read < 0)
            return storageError(TillSnapshotBuilder::tr("Cannot read %1: %2").arg(path, file.errorString()));
        if (read == 0)
            break;
        if (EVP_DigestUpdate(context.get(), block.constData(), size_t(read)) != 1)
            return storageError(TillSnapshotBuilder::tr("SHA-256 is not available."));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context.get(), digest, &length) != 1)
        return storageError(TillSnapshotBuilder::tr("SHA-256 is not available."));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex());
}

// The building file and what SQLite may have left beside it. Only ever this class's own file,
// under the build lock: never a published snapshot.
void removeBuilding(const QString& path)
{
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

Result<qint64> newestSeq(HqDatabase& database)
{
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes")) || !query.next())
        return HqStoreError::from(query.lastError());
    return query.value(0).toLongLong();
}
}  // namespace

TillSnapshotBuilder::TillSnapshotBuilder(HeadOffice& office)
    : m_office(office)
{
}

Result<TillSnapshotBuilder::Published> TillSnapshotBuilder::publish()
{
    const TillSnapshotStore store(TillSnapshotStore::directoryFor(m_office.database().url()));
    if (store.directory().isEmpty()) {
        return Error{Error::Code::InvalidInput,
                     tr("Till snapshots are kept beside a SQLite head-office database; this head office has none.")};
    }
    if (!QDir().mkpath(store.directory()))
        return storageError(tr("Cannot create the folder %1.").arg(store.directory()));
    QLockFile lock(QDir(store.directory()).filePath(QStringLiteral("build.lock")));
    lock.setStaleLockTime(0);  // a lock of a dead process is stale at once; a living one holds it
    if (!lock.tryLock(0)) {
        return Error{Error::Code::Refused, tr("Another till snapshot is being built in %1.").arg(store.directory()),
                     QStringLiteral("snapshot_busy")};
    }
    const QString building = QDir(store.directory()).filePath(kBuildingName);
    removeBuilding(building);  // left by a build that was cut: a derived cache, never published
    auto built = build(building);
    if (!built) {
        removeBuilding(building);
        return built.error();
    }
    Published published = *built;

    const QString target = QDir(store.directory()).filePath(TillSnapshotStore::fileName(published.seq));
    if (QFileInfo::exists(target)) {
        // Nothing changed since that one was published: it stays as it is (immutable).
        removeBuilding(building);
        published.alreadyPublished = true;
        const auto existing = store.newest();
        if (!existing)
            return existing.error();
        if (*existing && (*existing)->seq == published.seq) {
            published.sha256 = (*existing)->sha256;
            published.size = (*existing)->size;
        }
        published.path = target;
    } else {
        if (auto synced = fsyncPath(building, false); !synced) {
            removeBuilding(building);
            return synced.error();
        }
        const auto hash = sha256Of(building);
        if (!hash) {
            removeBuilding(building);
            return hash.error();
        }
        published.sha256 = *hash;
        published.size = QFileInfo(building).size();
        // The hash first, then the file by rename: a snapshot is either published whole, with its
        // hash, or not at all. QSaveFile writes, fsyncs and renames the hash file.
        QSaveFile hashFile(target + TillSnapshotStore::kHashSuffix);
        if (!hashFile.open(QIODevice::WriteOnly) || hashFile.write(hash->toLatin1() + '\n') < 0 || !hashFile.commit()) {
            removeBuilding(building);
            return storageError(tr("Cannot write %1: %2").arg(hashFile.fileName(), hashFile.errorString()));
        }
        if (::rename(QFile::encodeName(building).constData(), QFile::encodeName(target).constData()) != 0) {
            const QString reason = QString::fromLocal8Bit(strerror(errno));
            removeBuilding(building);
            QFile::remove(target + TillSnapshotStore::kHashSuffix);
            return storageError(tr("Cannot publish %1: %2").arg(target, reason));
        }
        if (auto synced = fsyncPath(store.directory(), true); !synced)
            return synced.error();
        published.path = target;
    }

    // Keep the newest two: a till may be downloading the one before right now (an unlinked file
    // stays readable while it is open), anything older is superseded. A snapshot is a derived cache
    // of the change feed, not a database of record, so removing it loses nothing.
    const auto all = store.published();
    if (!all)
        return all.error();
    for (qsizetype i = TillSnapshotStore::kKept; i < all->size(); ++i) {
        const QString& old = all->at(i).path;
        if (QFile::remove(old))
            ++published.removed;
        QFile::remove(old + TillSnapshotStore::kHashSuffix);
    }

    const auto newest = newestSeq(m_office.database());
    if (!newest)
        return newest.error();
    published.behind = std::max<qint64>(0, *newest - published.seq);
    return published;
}

Result<TillSnapshotBuilder::Published> TillSnapshotBuilder::build(const QString& path)
{
    auto opened = Database::open(path, m_office.clock(), Database::OpenMode::CreateIfMissing);
    if (!opened)
        return opened.error();
    std::unique_ptr<Database> database = std::move(opened.value());
    auto filled = fill(*database);
    database.reset();  // every query and handle of it is gone: the connection closes cleanly
    if (!filled)
        return filled.error();
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        return storageError(tr("The snapshot %1 still has a -wal file.").arg(path));
    return filled;
}

Result<TillSnapshotBuilder::Published> TillSnapshotBuilder::fill(Database& database)
{
    const Clock& clock = m_office.clock();
    const auto key = m_office.publicKey();
    if (!key)
        return key.error();
    const QSqlDatabase db = database.connection();
    // secure_delete: the rows removed below are overwritten with zeros, not left in free pages.
    for (const QString& pragma :
         {QStringLiteral("PRAGMA secure_delete = ON"), QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB),
          QStringLiteral("PRAGMA temp_store = MEMORY")}) {
        if (auto set = exec(db, pragma); !set)
            return set.error();
    }
    {
        // As a provisioning till has it before its first page: programmes are checked against
        // head office's key by the till's own code.
        Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
        if (auto stored = SettingsRepository(db).setValue(sync::kHqPublicKeyKey, QString::fromLatin1(key->toBase64()));
            !stored)
            return stored.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
    }

    Published published;
    {
        sync::ChangeApplier applier(db, clock);
        QString cursor;
        qint64 waiting = 0;
        for (;;) {
            // tillId empty: no till's own changes are left out, as for a new till that has made none.
            const auto page = m_office.changes(QString(), cursor, kPageLimit);
            if (!page)
                return page.error();
            const qint64 size = page->changes.size();
            const bool later = page->more && waiting + size < kChangesPerCommit;
            const auto applied =
                applier.apply(page->changes, page->cursor,
                              later ? sync::ChangeApplier::Commit::Later : sync::ChangeApplier::Commit::Now);
            if (!applied)
                return applied.error();
            waiting = later ? waiting + size : 0;
            published.changes += size;
            if (!page->more) {
                cursor = page->cursor;
                break;
            }
            if (size == 0 && page->cursor == cursor)
                return storageError(tr("The change feed promised more changes but its cursor did not move."));
            cursor = page->cursor;
        }
        published.cursor = cursor;
    }
    const auto seq = ChangeFeed::decodeCursor(published.cursor);
    if (!seq)
        return storageError(tr("The change feed gave a cursor it cannot read: %1").arg(published.cursor));
    published.seq = *seq;

    {
        // Nothing of any till in the file: the schema's random till identity (the applier needed one
        // that matches no till) and the key are removed; sync.cursor stays, it is the snapshot's.
        Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM settings WHERE key IN (?, ?)"));
        remove.bindValue(0, QStringLiteral("till.id"));
        remove.bindValue(1, sync::kHqPublicKeyKey);
        if (!remove.exec())
            return StoreError::from(remove.lastError());
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
    }
    QSqlQuery members(db);
    if (!members.exec(QStringLiteral("SELECT count(*) FROM members")) || !members.next())
        return StoreError::from(members.lastError());
    published.members = members.value(0).toLongLong();
    members.finish();
    published.schema = database.schemaVersion();

    // One self-contained file: checkpoints the WAL into it and removes the -wal and -shm files.
    QSqlQuery journal(db);
    if (!journal.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) || !journal.next())
        return StoreError::from(journal.lastError());
    if (journal.value(0).toString().compare(QLatin1String("delete"), Qt::CaseInsensitive) != 0)
        return storageError(tr("The snapshot %1 did not leave WAL mode.").arg(database.path()));
    return published;
}

}  // namespace loyalty::hq
