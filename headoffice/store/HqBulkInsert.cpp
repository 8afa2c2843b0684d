#include "store/HqBulkInsert.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"

#include <QSqlDriver>

#include <algorithm>
#include <libpq-fe.h>
#include <sqlite3.h>

namespace loyalty::hq {

HqBulkInsert::HqBulkInsert(HqDatabase& database, QString table, QStringList columns, QString suffix)
    : m_database(database)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_suffix(std::move(suffix))
{
}

HqBulkInsert::~HqBulkInsert()
{
    sqlite3_finalize(static_cast<sqlite3_stmt*>(m_sqliteStatement));
}

void HqBulkInsert::add(const QVariantList& values)
{
    Q_ASSERT(values.size() == m_columns.size());
    m_values.append(values);
}

Result<QSqlQuery*> HqBulkInsert::statementFor(int rows)
{
    auto& statement = m_statements[rows];
    if (statement)
        return statement.get();
    QString row = QStringLiteral("(?") + QStringLiteral(", ?").repeated(m_columns.size() - 1) + u')';
    QStringList rowList(rows, row);
    statement = std::make_unique<QSqlQuery>(m_database.connection());
    if (!statement->prepare(
            QStringLiteral("INSERT INTO %1 (%2) VALUES %3 %4")
                .arg(m_table, m_columns.join(QStringLiteral(", ")), rowList.join(QStringLiteral(", ")), m_suffix)))
        return HqStoreError::from(statement->lastError());
    return statement.get();
}

Result<Done> HqBulkInsert::flush()
{
    const qsizetype width = m_columns.size();
    if (m_values.isEmpty())
        return Done{};
    if (!m_database.dialect().isPostgresql())
        return flushSqlite();
    if (m_suffix.isEmpty())
        return flushCopy();
    const qsizetype maxRows = std::max<qsizetype>(1, kMaxPostgresqlParameters / width);
    qsizetype offset = 0;
    while (offset < m_values.size()) {
        const int rows = int(std::min<qsizetype>(maxRows, (m_values.size() - offset) / width));
        const auto statement = statementFor(rows);
        if (!statement)
            return statement.error();
        QSqlQuery& query = **statement;
        for (qsizetype i = 0; i < rows * width; ++i)
            query.bindValue(int(i), m_values[offset + i]);
        if (!query.exec())
            return HqStoreError::from(query.lastError());
        offset += rows * width;
    }
    m_values.clear();
    return Done{};
}

namespace {
// COPY's text format: tab-separated, \N for NULL, backslash escapes for the separators.
void appendCopyField(QByteArray& out, const QVariant& value)
{
    if (value.isNull()) {
        out += "\\N";
        return;
    }
    switch (value.userType()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::Bool:
        out += QByteArray::number(value.toLongLong());
        return;
    default:
        break;
    }
    const QByteArray text = value.toString().toUtf8();
    for (const char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}
}  // namespace

Result<Done> HqBulkInsert::flushCopy()
{
    const QVariant handle = m_database.connection().driver()->handle();
    // Qt names the type after the struct behind libpq's typedef.
    const bool isPostgres =
        handle.isValid() && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0);
    PGconn* connection = isPostgres ? *static_cast<PGconn* const*>(handle.constData()) : nullptr;
    const auto failure = [connection](const char* what) {
        return Error{Error::Code::Storage,
                     QStringLiteral("%1: %2").arg(
                         QString::fromLatin1(what),
                         QString::fromUtf8(connection ? PQerrorMessage(connection) : "no PostgreSQL handle"))};
    };
    if (!connection)
        return failure("COPY");
    const QByteArray sql =
        QStringLiteral("COPY %1 (%2) FROM STDIN").arg(m_table, m_columns.join(QStringLiteral(", "))).toUtf8();
    PGresult* started = PQexec(connection, sql.constData());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    PQclear(started);
    if (!copying)
        return failure("COPY");
    const qsizetype width = m_columns.size();
    QByteArray data;
    data.reserve(m_values.size() * 48);
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        appendCopyField(data, m_values[i]);
        data += (i + 1) % width == 0 ? '\n' : '\t';
    }
    if (PQputCopyData(connection, data.constData(), int(data.size())) != 1 || PQputCopyEnd(connection, nullptr) != 1)
        return failure("COPY");
    bool ok = true;
    QString message;
    while (PGresult* result = PQgetResult(connection)) {
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            ok = false;
            message = QString::fromUtf8(PQresultErrorMessage(result));
        }
        PQclear(result);
    }
    if (!ok)
        return Error{Error::Code::Storage, QStringLiteral("COPY %1: %2").arg(m_table, message.trimmed())};
    m_values.clear();
    return Done{};
}

Result<Done> HqBulkInsert::flushSqlite()
{
    const QVariant handle = m_database.connection().driver()->handle();
    sqlite3* db = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                      ? *static_cast<sqlite3* const*>(handle.constData())
                      : nullptr;
    const auto failure = [db](const char* what) {
        return Error{Error::Code::Storage,
                     QStringLiteral("%1: %2").arg(QString::fromLatin1(what),
                                                  QString::fromUtf8(db ? sqlite3_errmsg(db) : "no SQLite handle"))};
    };
    if (!db)
        return failure("bulk insert");
    auto* statement = static_cast<sqlite3_stmt*>(m_sqliteStatement);
    if (!statement) {
        const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (?%3) %4")
                                   .arg(m_table, m_columns.join(QStringLiteral(", ")),
                                        QStringLiteral(", ?").repeated(m_columns.size() - 1), m_suffix)
                                   .toUtf8();
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
            return failure("prepare");
        m_sqliteStatement = statement;
    }
    const qsizetype width = m_columns.size();
    for (qsizetype row = 0; row < m_values.size(); row += width) {
        for (qsizetype column = 0; column < width; ++column) {
            const QVariant& value = m_values[row + column];
            const int index = int(column) + 1;
            int bound = SQLITE_OK;
            switch (value.userType()) {
            case QMetaType::LongLong:
            case QMetaType::Int:
            case QMetaType::Bool:
                bound = sqlite3_bind_int64(statement, index, value.toLongLong());
                break;
            default:
                if (value.isNull()) {
                    bound = sqlite3_bind_null(statement, index);
                } else {
                    const QByteArray text = value.toString().toUtf8();
                    bound = sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
                }
            }
            if (bound != SQLITE_OK)
                return failure("bind");
        }
        const int stepped = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (stepped != SQLITE_DONE) {
            // SQLITE_FULL and corruption keep their meaning for the caller.
            return HqStoreError::from(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db)),
                                                QSqlError::StatementError,
                                                QString::number(sqlite3_extended_errcode(db))));
        }
    }
    m_values.clear();
    return Done{};
}

}  // namespace loyalty::hq
