#include "store/HqDatabase.h"

#include "keys/HqSigningKey.h"
#include "store/HqSchema.h"
#include "store/HqStoreError.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

namespace loyalty::hq {

namespace {
QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("loyalty-hq-%1").arg(counter.fetchAndAddRelaxed(1));
}

Result<QString> singleValue(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return HqStoreError::from(query.lastError());
    return query.next() ? query.value(0).toString() : QString();
}
}  // namespace

HqDatabase::HqDatabase(const HqDatabaseUrl& url, QString connectionName)
    : m_url(url)
    , m_dialect(url.backend)
    , m_connectionName(std::move(connectionName))
    , m_db(QSqlDatabase::addDatabase(url.backend == HqDatabaseUrl::Backend::Postgresql ? QStringLiteral("QPSQL")
                                                                                       : QStringLiteral("QSQLITE"),
                                     m_connectionName))
{
}

HqDatabase::~HqDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<HqDatabase>> HqDatabase::open(const HqDatabaseUrl& url, OpenMode mode)
{
    std::unique_ptr<HqDatabase> database(new HqDatabase(url, nextConnectionName()));
    if (!database->m_db.isValid()) {
        return Error{Error::Code::Storage,
                     tr("The QtSql driver for %1 is missing; install libqt6sql6-psql for PostgreSQL.")
                         .arg(database->m_dialect.name())};
    }
    const auto opened =
        url.backend == HqDatabaseUrl::Backend::Postgresql ? database->openPostgresql() : database->openSqlite(mode);
    if (!opened)
        return opened.error();
    const auto stored = HqSchema::storedVersion(*database);
    if (!stored)
        return stored.error();
    if (*stored == 0 && mode == OpenMode::MustExist) {
        return Error{Error::Code::NotFound,
                     tr("%1 holds no head-office data yet. Start with \"loyalty-hq terminal add\", \"loyalty-hq "
                        "demo\" or \"loyalty-hq serve\".")
                         .arg(url.displayName())};
    }
    const auto version = HqSchema::migrate(*database);
    if (!version)
        return version.error();
    database->m_schemaVersion = *version;
    if (auto key = HqSigningKey::ensure(*database); !key)
        return key.error();
    return database;
}

Result<Done> HqDatabase::openSqlite(OpenMode mode)
{
    const QFileInfo file(m_url.sqlitePath);
    const bool existed = file.exists();
    if (!existed && mode == OpenMode::MustExist) {
        return Error{Error::Code::NotFound,
                     tr("There is no head-office database at %1. Start with \"loyalty-hq terminal add\", "
                        "\"loyalty-hq demo\" or \"loyalty-hq serve\".")
                         .arg(m_url.sqlitePath)};
    }
    if (!existed && !file.absoluteDir().exists()) {
        return Error{Error::Code::NotFound,
                     tr("The folder %1 for head office's database does not exist.").arg(file.absolutePath())};
    }
    m_db.setDatabaseName(m_url.sqlitePath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        return Error{
            Error::Code::Storage,
            tr("Head office's database %1 could not be opened: %2").arg(m_url.sqlitePath, m_db.lastError().text())};
    }
    if (existed) {
        if (auto healthy = checkSqliteIntegrity(); !healthy)
            return healthy;
    }
    return configureSqlite();
}

Result<Done> HqDatabase::checkSqliteIntegrity()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return HqStoreError::from(query.lastError());
    if (query.next() && query.value(0).toString() != QLatin1String("ok")) {
        // Never repaired or replaced here: the file is the record of every till's events.
        return Error{Error::Code::Corrupt,
                     tr("Head office's database %1 failed its integrity check (%2). Nothing was changed; restore "
                        "the latest backup.")
                         .arg(m_url.sqlitePath, query.value(0).toString())};
    }
    return Done{};
}

Result<Done> HqDatabase::configureSqlite()
{
    const auto journal = singleValue(m_db, QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!journal)
        return journal.error();
    if (journal->compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return Error{Error::Code::Storage,
                     tr("Head office's database %1 could not switch to write-ahead logging (it reports \"%2\"); it "
                        "must be on a local disk that supports it.")
                         .arg(m_url.sqlitePath, *journal)};
    }
    // 64 MiB of page cache: head office's indexes are large, and bulk loads keep them hot. A push
    // dirties pages all over the events, ledger and sales keys (random uuids); checkpointing every
    // 16,384 pages (64 MiB) instead of SQLite's 1,000 writes such a page back once for many batches,
    // not once for each, and syncs the database file that much less often. A multi-row insert keeps
    // the pages it changes in a statement journal; in memory that is no temporary file's writes.
    for (const QString& pragma :
         {QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA foreign_keys = ON"),
          QStringLiteral("PRAGMA cache_size = -65536"), QStringLiteral("PRAGMA wal_autocheckpoint = 16384"),
          QStringLiteral("PRAGMA temp_store = MEMORY")}) {
        QSqlQuery query(m_db);
        if (!query.exec(pragma))
            return HqStoreError::from(query.lastError());
    }
    const auto synchronous = singleValue(m_db, QStringLiteral("PRAGMA synchronous"));
    const auto foreignKeys = singleValue(m_db, QStringLiteral("PRAGMA foreign_keys"));
    const auto busy = singleValue(m_db, QStringLiteral("PRAGMA busy_timeout"));
    if (!synchronous || *synchronous != QLatin1String("2") || !foreignKeys || *foreignKeys != QLatin1String("1") ||
        !busy || busy->toInt() < 1000) {
        return Error{Error::Code::Storage,
                     tr("Head office's database %1 did not accept synchronous=FULL, foreign_keys=ON and a busy "
                        "timeout.")
                         .arg(m_url.sqlitePath)};
    }
    return Done{};
}

Result<Done> HqDatabase::openPostgresql()
{
    m_db.setHostName(m_url.host);
    m_db.setPort(m_url.port);
    m_db.setUserName(m_url.user);
    m_db.setPassword(m_url.password);
    m_db.setDatabaseName(m_url.databaseName);
    m_db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=loyalty-hq"));
    if (!m_db.open()) {
        return Error{Error::Code::Storage, tr("Cannot connect to head office's PostgreSQL database %1: %2")
                                               .arg(m_url.displayName(), m_db.lastError().text())};
    }
    // Times are stored as text, but keep the session predictable for anyone reading it by hand.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SET TIME ZONE 'UTC'")))
        return HqStoreError::from(query.lastError());
    return Done{};
}

}  // namespace loyalty::hq
