#include "store/HqDatabaseUrl.h"

#include <QUrl>

namespace loyalty::hq {

Result<HqDatabaseUrl> HqDatabaseUrl::parse(const QString& text)
{
    HqDatabaseUrl url;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error{Error::Code::InvalidInput,
                     tr("Say where head office keeps its data: --db PATH or --db postgresql://…"),
                     QStringLiteral("no_database")};
    if (!trimmed.startsWith(QLatin1String("postgresql://")) && !trimmed.startsWith(QLatin1String("postgres://"))) {
        url.backend = Backend::Sqlite;
        url.sqlitePath = trimmed;
        return url;
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    const QString database = parsed.path().mid(1);
    if (!parsed.isValid() || parsed.host().isEmpty() || database.isEmpty() || database.contains(QLatin1Char('/')))
        return Error{Error::Code::InvalidInput,
                     tr("A PostgreSQL address looks like postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE, not %1.")
                         .arg(parsed.toDisplayString(QUrl::RemovePassword)),
                     QStringLiteral("bad_database_url")};
    url.backend = Backend::Postgresql;
    url.host = parsed.host();
    url.port = parsed.port(5432);
    url.user = parsed.userName();
    url.password = parsed.password();
    url.databaseName = database;
    return url;
}

QString HqDatabaseUrl::displayName() const
{
    if (backend == Backend::Sqlite)
        return sqlitePath;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    url.setPath(QLatin1Char('/') + databaseName);
    return url.toString();
}

}  // namespace loyalty::hq
