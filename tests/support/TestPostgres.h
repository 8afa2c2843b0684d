#pragma once

#include "TestPaths.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>
#include <QUrl>
#include <QUuid>

// The PostgreSQL server of the CTest fixture "postgres" (tests/integration/postgres-fixture.sh): a test
// that needs PostgreSQL asks for a fresh database of its own and FAILS, never skips, when there is no
// server, so a CI machine without PostgreSQL cannot pass quietly.
//
//     QString url;
//     LOYALTY_CREATE_TEST_POSTGRES_DATABASE(url);  // QFAILs with the reason
//     ... loyalty-hq --db url ...
class TestPostgres final
{
public:
    // Where the fixture writes the server's URL; LOYALTY_TEST_POSTGRES_URL overrides it with a URL.
    static QString urlFile() { return QStringLiteral(LOYALTY_BINARY_DIR "/tests/postgres.url"); }

    // postgresql://postgres@127.0.0.1:PORT/postgres, or empty with `error` set.
    static QString serverUrl(QString* error)
    {
        const QByteArray fromEnvironment = qgetenv("LOYALTY_TEST_POSTGRES_URL");
        if (!fromEnvironment.isEmpty())
            return QString::fromUtf8(fromEnvironment).trimmed();
        QFile file(urlFile());
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("No PostgreSQL test server: %1 does not exist. Run the test through ctest, which "
                                    "starts the fixture \"postgres\" (tests/integration/postgres-fixture.sh), or "
                                    "run `tests/integration/postgres-fixture.sh start %2/tests` first.")
                         .arg(urlFile(), QStringLiteral(LOYALTY_BINARY_DIR));
            return {};
        }
        const QString url = QString::fromUtf8(file.readAll()).trimmed();
        if (url.isEmpty())
            *error = QStringLiteral("%1 is empty.").arg(urlFile());
        return url;
    }

    // Creates a new, uniquely named database on the test server and returns its postgresql:// URL,
    // or an empty string with `error` set.
    static QString createDatabase(QString* error)
    {
        const QString server = serverUrl(error);
        if (server.isEmpty())
            return {};
        QUrl url(server);
        if (!url.isValid() || url.host().isEmpty()) {
            *error = QStringLiteral("Not a PostgreSQL URL: %1").arg(server);
            return {};
        }
        // Lower-case letters, digits and underscores only: safe to put into the statement unquoted.
        const QString name = QStringLiteral("loyalty_test_%1_%2")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
        const QString connection = QStringLiteral("test-postgres-admin-%1").arg(name);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            if (!db.isValid()) {
                *error = QStringLiteral("The QtSql PostgreSQL driver QPSQL is missing: install libqt6sql6-psql.");
                QSqlDatabase::removeDatabase(connection);
                return {};
            }
            applyUrl(db, url);
            if (!db.open()) {
                *error = QStringLiteral("Cannot connect to the PostgreSQL test server %1: %2")
                             .arg(server, db.lastError().text());
            } else {
                {
                    QSqlQuery query(db);
                    if (!query.exec(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(name)))
                        *error = QStringLiteral("CREATE DATABASE %1 failed: %2").arg(name, query.lastError().text());
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        if (!error->isEmpty())
            return {};
        url.setPath(QLatin1Char('/') + name);
        return url.toString();
    }

    // Sets a QPSQL connection's host, port, user, password and database from a postgresql:// URL,
    // so tests can read head office's database directly.
    static void applyUrl(QSqlDatabase& db, const QUrl& url)
    {
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
};

// Fills `url` with a fresh database's URL or fails the current test function with the reason.
#define LOYALTY_CREATE_TEST_POSTGRES_DATABASE(url)                                                                     \
    do {                                                                                                               \
        QString loyaltyPostgresError_;                                                                                 \
        (url) = TestPostgres::createDatabase(&loyaltyPostgresError_);                                                  \
        if ((url).isEmpty())                                                                                           \
            QFAIL(qPrintable(loyaltyPostgresError_));                                                                  \
    } while (false)
