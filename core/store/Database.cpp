#include "store/Database.h"

#include "store/DatabaseQuarantine.h"
#include "store/QuickCheck.h"
#include "store/SchemaMigrator.h"
#include "store/StoreError.h"
#include "time/Clock.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSqlQuery>

namespace loyalty {

namespace {
QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("loyalty-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

// The files this process's Databases have open, by canonical path, with how many are open.
struct OpenFiles
{
    QMutex mutex;
    QHash<QString, int> counts;
};

OpenFiles& openFiles()
{
    static OpenFiles files;
    return files;
}

bool isOpenInThisProcess(const QString& key)
{
    OpenFiles& files = openFiles();
    const QMutexLocker lock(&files.mutex);
    return files.counts.value(key) > 0;
}

// What a session that did not end cleanly leaves beside the database (or one that is still open in
// another process): the write-ahead log, or a rollback journal.
bool leftByUncleanShutdown(const QString& path)
{
    return QFileInfo::exists(path + QStringLiteral("-wal")) || QFileInfo::exists(path + QStringLiteral("-journal"));
}

Result<QString> pragmaValue(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return StoreError::from(query.lastError());
    return query.next() ? query.value(0).toString() : QString();
}
}  // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName))
{
}

Database::~Database()
{
    if (!m_openFileKey.isEmpty()) {
        OpenFiles& files = openFiles();
        const QMutexLocker lock(&files.mutex);
        if (--files.counts[m_openFileKey] <= 0)
            files.counts.remove(m_openFileKey);
    }
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const Clock& clock, OpenMode mode,
                                                 IntegrityCheck check)
{
    const QFileInfo file(path);
    const bool existed = file.exists();
    if (!existed && mode == OpenMode::MustExist) {
        return Error{Error::Code::NotFound,
                     tr("There is no till database at %1. Create one with \"loyalty-ctl demo\" or provision the till.")
                         .arg(path)};
    }
    if (!existed && !file.absoluteDir().exists()) {
        return Error{Error::Code::NotFound,
                     tr("The folder %1 for the till database does not exist.").arg(file.absolutePath())};
    }

    // Decided before this connection creates a log of its own. Another Database of this process on
    // the same file was checked at its open or has its background check running.
    const bool openHere = existed && isOpenInThisProcess(file.canonicalFilePath());
    const bool checkAtOpen = existed && !openHere && (check == IntegrityCheck::AtOpen || leftByUncleanShutdown(path));

    std::unique_ptr<Database> database(new Database(path, nextConnectionName()));
    database->m_db.setDatabaseName(path);
    database->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database->m_db.open()) {
        return Error{Error::Code::Storage,
                     tr("The till database %1 could not be opened: %2").arg(path, database->m_db.lastError().text())};
    }
    if (checkAtOpen) {
        if (auto healthy = database->checkIntegrityAtOpen(clock); !healthy)
            return healthy.error();
    }
    database->m_integrityCheckPending = existed && !openHere && !checkAtOpen;
    // A database written by a newer program is refused before anything, even its journal mode, changes.
    if (auto supported = SchemaMigrator(database->m_db).supportedVersion(); !supported)
        return supported.error();
    if (auto configured = database->configure(); !configured)
        return configured.error();

    const auto version = SchemaMigrator(database->m_db).migrate();
    if (!version)
        return version.error();
    database->m_schemaVersion = *version;
    database->registerOpenFile();
    return database;
}

void Database::registerOpenFile()
{
    m_openFileKey = QFileInfo(m_path).canonicalFilePath();
    if (m_openFileKey.isEmpty())
        return;
    OpenFiles& files = openFiles();
    const QMutexLocker lock(&files.mutex);
    ++files.counts[m_openFileKey];
}

Result<Done> Database::checkIntegrityAtOpen(const Clock& clock)
{
    const auto finding = QuickCheck::run(m_db);
    if (!finding)
        return finding.error();
    if (!finding->has_value())
        return Done{};
    m_db.close();
    return quarantineDamaged(m_path, **finding, clock.now());
}

Error Database::quarantineDamaged(const QString& path, const QString& finding, const QDateTime& now)
{
    const auto movedTo = DatabaseQuarantine::moveAside(path, now);
    if (!movedTo)
        return movedTo.error();
    return Error{Error::Code::Corrupt,
                 tr("The till database %1 failed its integrity check (%2). It was moved aside to %3 and kept "
                    "unchanged. Restore the latest backup or provision the till again; your administrator can "
                    "inspect the moved file.")
                     .arg(path, finding, *movedTo)};
}

Result<Done> Database::configure()
{
    const auto journal = pragmaValue(m_db, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal)
        return journal.error();
    if (journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return Error{Error::Code::Storage,
                     tr("The till database %1 could not switch to write-ahead logging (it reports \"%2\"); "
                        "it must be on a local disk that supports it.")
                         .arg(m_path, *journal)};
    }
    for (const QString& pragma :
         {QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON")}) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma))
            return StoreError::from(query.lastError());
    }
    const auto synchronous = pragmaValue(m_db, QStringLiteral("PRAGMA synchronous"));
    const auto foreignKeys = pragmaValue(m_db, QStringLiteral("PRAGMA foreign_keys"));
    if (!synchronous || *synchronous != QLatin1String("2") || !foreignKeys || *foreignKeys != QLatin1String("1")) {
        return Error{Error::Code::Storage,
                     tr("The till database %1 did not accept synchronous=FULL and foreign_keys=ON.").arg(m_path)};
    }
    return Done{};
}

QStringList Database::integrityProblems() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return {query.lastError().text()};
    QStringList problems;
    while (query.next()) {
        const QString row = query.value(0).toString();
        if (row != QLatin1String("ok"))
            problems << row;
    }
    return problems;
}

}  // namespace loyalty
