#include "HqDatabase.h"

#include "TestPostgres.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

QString HqDatabase::backendName()
{
    const QString name = qEnvironmentVariable("LOYALTY_TEST_HQ_BACKEND").trimmed().toLower();
    return name.isEmpty() ? QStringLiteral("sqlite") : name;
}

HqDatabase::~HqDatabase()
{
    if (!m_connectionName.isEmpty()) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool HqDatabase::create(const QString& directory)
{
    const QString name = backendName();
    if (name == QLatin1String("sqlite")) {
        m_backend = Backend::Sqlite;
        m_url = QDir(directory).filePath(QStringLiteral("headoffice.db"));
    } else if (name == QLatin1String("postgresql")) {
        m_backend = Backend::Postgresql;
        m_url = TestPostgres::createDatabase(&m_error);
        if (m_url.isEmpty())
            return false;
    } else {
        m_error = QStringLiteral("LOYALTY_TEST_HQ_BACKEND must be sqlite or postgresql, not %1").arg(name);
        return false;
    }
    m_connectionName = QStringLiteral("hq-direct-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    return true;
}

QSqlDatabase HqDatabase::connection()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid()) {
        if (m_backend == Backend::Sqlite) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
            db.setDatabaseName(m_url);
            // Head office may be writing right now: wait for its lock rather than fail.
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000;QSQLITE_OPEN_READONLY"));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
            TestPostgres::applyUrl(db, QUrl(m_url));
        }
    }
    if (!db.isOpen() && !db.open())
        m_error =
            QStringLiteral("cannot open head office's database %1 directly: %2").arg(m_url, db.lastError().text());
    return db;
}

std::optional<QStringList> HqDatabase::column(const QString& sql, const QVariantList& bindings)
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return std::nullopt;
    QStringList values;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            m_error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
            return std::nullopt;
        }
        for (const QVariant& binding : bindings)
            query.addBindValue(binding);
        if (!query.exec()) {
            m_error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
            return std::nullopt;
        }
        while (query.next())
            values.append(query.value(0).toString());
    }
    // Not holding a read transaction open between checks: head office keeps writing meanwhile.
    db.close();
    return values;
}

std::optional<QVariant> HqDatabase::scalar(const QString& sql, const QVariantList& bindings)
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return std::nullopt;
    QVariant value;
    {
        QSqlQuery query(db);
        if (!query.prepare(sql)) {
            m_error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
            return std::nullopt;
        }
        for (const QVariant& binding : bindings)
            query.addBindValue(binding);
        if (!query.exec() || !query.next()) {
            m_error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
            return std::nullopt;
        }
        value = query.value(0);
    }
    db.close();
    return value;
}

qint64 HqDatabase::count(const QString& table)
{
    // `table` is always a literal name from the test, never input.
    const auto value = scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return value ? value->toLongLong() : -1;
}
