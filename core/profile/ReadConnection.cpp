#include "profile/ReadConnection.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace loyalty {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("loyalty-read-%1").arg(counter.fetchAndAddRelaxed(1));
}
}  // namespace

ReadConnection::ReadConnection(QString connectionName)
    : m_connectionName(std::move(connectionName))
    , m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName))
{
}

ReadConnection::~ReadConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<ReadConnection>> ReadConnection::open(const QString& path)
{
    if (!QFileInfo::exists(path))
        return Error{Error::Code::NotFound, tr("The till database %1 does not exist.").arg(path)};
    std::unique_ptr<ReadConnection> read(new ReadConnection(nextConnectionName()));
    read->m_db.setDatabaseName(path);
    // Read-only, and waiting for the sale's writes rather than failing while one commits.
    read->m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!read->m_db.open())
        return Error{Error::Code::Storage,
                     tr("The till database could not be opened for reading: %1").arg(read->m_db.lastError().text())};
    QSqlQuery query(read->m_db);
    if (!query.exec(QStringLiteral("PRAGMA query_only = ON")))
        return Error{Error::Code::Storage,
                     tr("The till database could not be opened for reading: %1").arg(query.lastError().text())};
    return read;
}

}  // namespace loyalty
