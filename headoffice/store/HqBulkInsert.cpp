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
    for (auto& [rows, statement] : m_sqliteStatements)
        sqlite3_finalize(statement);
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
        for (qsizetype i = 0; i < rows * width; ++i) {
            const QVariant& value = m_values[offset + i];
            // QtSql would bind a QByteArray as bytea; here it is UTF-8 text.
            query.bindValue(int(i), value.userType() == QMetaType::QByteArray
                                        ? QVariant(QString::fromUtf8(value.toByteArray()))
                                        : value);
        }
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
    const QByteArray text = value.userType() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
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
    const qsizetype width = m_columns.size();
    const qsizetype rows = m_values.size() / width;
    qsizetype row = 0;
    QByteArray text;
    while (row < rows) {
        // Several rows a statement: each statement's own overhead (its statement journal, the
        // constraint and foreign-key bookkeeping when it halts) is paid once per chunk, not per row.
        int chunk = kSqliteRowsPerStatement;
        while (chunk > 1 && rows - row < chunk)
            chunk /= 4;
        sqlite3_stmt*& statement = m_sqliteStatements[chunk];
        if (!statement) {
            const QString one = QStringLiteral("(?") + QStringLiteral(", ?").repeated(width - 1) + u')';
            const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3 %4")
                                       .arg(m_table, m_columns.join(QStringLiteral(", ")),
                                            QStringList(chunk, one).join(QStringLiteral(", ")), m_suffix)
                                       .toUtf8();
            if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &statement, nullptr) != SQLITE_OK)
                return failure("prepare");
        }
        for (qsizetype i = 0; i < chunk * width; ++i) {
            const QVariant& value = m_values[row * width + i];
            const int index = int(i) + 1;
            int bound = SQLITE_OK;
            switch (value.userType()) {
            case QMetaType::LongLong:
            case QMetaType::Int:
            case QMetaType::Bool:
                bound = sqlite3_bind_int64(statement, index, value.toLongLong());
                break;
            case QMetaType::QByteArray: {
                // Already UTF-8 text (a stored payload): bound as text without a round trip through QString.
                const QByteArray& bytes = *static_cast<const QByteArray*>(value.constData());
                bound = sqlite3_bind_text(statement, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
                break;
            }
            default:
                if (value.isNull()) {
                    bound = sqlite3_bind_null(statement, index);
                } else {
                    text = value.toString().toUtf8();
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
        row += chunk;
    }
    m_values.clear();
    return Done{};
}

}  // namespace loyalty::hq
