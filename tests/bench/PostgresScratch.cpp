#include "PostgresScratch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace loyalty::bench {

QString PostgresScratch::createDatabase(const QString& serverUrl, QString* error)
{
    QUrl url(serverUrl);
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("not a PostgreSQL URL: %1").arg(serverUrl);
        return {};
    }
    // Lower-case letters, digits and underscores only: safe unquoted in CREATE DATABASE.
    const QString name = QStringLiteral("loyalty_bench_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QDateTime::currentMSecsSinceEpoch());
    const QString connection = QStringLiteral("bench-postgres-%1").arg(name);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            *error = QStringLiteral("cannot connect to %1: %2").arg(serverUrl, db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(name)))
                *error = QStringLiteral("CREATE DATABASE failed: %1").arg(query.lastError().text());
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!error->isEmpty())
        return {};
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

}  // namespace loyalty::bench
