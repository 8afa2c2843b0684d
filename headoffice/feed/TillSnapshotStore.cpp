#include "feed/TillSnapshotStore.h"

#include "HeadOffice.h"
#include "feed/ChangeFeed.h"
#include "store/HqDatabase.h"
#include "store/HqDatabaseUrl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace loyalty::hq {

namespace {
const QString kPrefix = QStringLiteral("till-snapshot-");
const QString kSuffix = QStringLiteral(".db");
// SQLite's file header: the 100 bytes every database file starts with; user_version at 60..63.
constexpr qsizetype kSqliteHeaderBytes = 100;
constexpr qsizetype kUserVersionOffset = 60;
const QByteArray kSqliteMagic = QByteArrayLiteral("SQLite format 3\0");
}  // namespace

TillSnapshotStore::TillSnapshotStore(QString directory)
    : m_directory(std::move(directory))
{
}

QString TillSnapshotStore::directoryFor(const HqDatabaseUrl& url)
{
    if (url.backend != HqDatabaseUrl::Backend::Sqlite || url.sqlitePath.isEmpty())
        return {};
    return QFileInfo(url.sqlitePath).absoluteFilePath() + QStringLiteral(".snapshots");
}

QString TillSnapshotStore::directoryFor(HeadOfficeApi& office)
{
    // The HTTP layer only knows the API; the real head office knows its database.
    auto* real = dynamic_cast<HeadOffice*>(&office);
    return real ? directoryFor(real->database().url()) : QString();
}

QString TillSnapshotStore::fileName(qint64 seq)
{
    return kPrefix + QString::number(seq) + kSuffix;
}

Result<QList<TillSnapshotStore::Snapshot>> TillSnapshotStore::published() const
{
    QList<Snapshot> found;
    if (m_directory.isEmpty())
        return found;
    const QDir dir(m_directory);
    if (!dir.exists())
        return found;
    static const QRegularExpression name(QStringLiteral("^till-snapshot-(0|[1-9][0-9]{0,17})\\.db$"));
    const QStringList files = dir.entryList({kPrefix + QStringLiteral("*") + kSuffix}, QDir::Files);
    for (const QString& file : files) {
        const auto match = name.match(file);
        if (!match.hasMatch())
            continue;
        if (auto snapshot = read(file, match.captured(1).toLongLong()))
            found.append(*snapshot);
    }
    std::sort(found.begin(), found.end(), [](const Snapshot& a, const Snapshot& b) { return a.seq > b.seq; });
    return found;
}

bool TillSnapshotStore::withdrawAll() const
{
    const auto all = published();
    if (!all)
        return false;
    bool removed = true;
    for (const Snapshot& snapshot : *all) {
        // The database first: a hash without its file is never served.
        removed = QFile::remove(snapshot.path) && removed;
        removed = QFile::remove(snapshot.path + kHashSuffix) && removed;
    }
    return removed;
}

Result<std::optional<TillSnapshotStore::Snapshot>> TillSnapshotStore::newest() const
{
    const auto all = published();
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<Snapshot>();
    return std::optional<Snapshot>(all->first());
}

std::optional<TillSnapshotStore::Snapshot> TillSnapshotStore::read(const QString& fileName, qint64 seq) const
{
    const QString path = QDir(m_directory).filePath(fileName);
    QFile hashFile(path + kHashSuffix);
    if (!hashFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray hash = hashFile.read(128).trimmed();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(QString::fromLatin1(hash)).hasMatch())
        return std::nullopt;
    QFile database(path);
    if (!database.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = database.read(kSqliteHeaderBytes);
    if (header.size() != kSqliteHeaderBytes || !header.startsWith(kSqliteMagic))
        return std::nullopt;
    const auto byte = [&header](qsizetype i) { return quint32(quint8(header.at(kUserVersionOffset + i))); };
    Snapshot snapshot;
    snapshot.path = path;
    snapshot.seq = seq;
    snapshot.cursor = ChangeFeed::encodeCursor(seq);
    snapshot.schema = int((byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3));
    snapshot.sha256 = QString::fromLatin1(hash);
    snapshot.size = database.size();
    return snapshot;
}

}  // namespace loyalty::hq
