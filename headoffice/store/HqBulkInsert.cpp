#include "store/HqBulkInsert.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include <algorithm>

namespace loyalty::hq {

HqBulkInsert::HqBulkInsert(HqDatabase& database, QString table, QStringList columns)
    : m_database(database)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
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
    if (!statement->prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                                .arg(m_table, m_columns.join(QStringLiteral(", ")), rowList.join(QStringLiteral(", ")))))
        return HqStoreError::from(statement->lastError());
    return statement.get();
}

Result<Done> HqBulkInsert::flush()
{
    const qsizetype width = m_columns.size();
    if (!m_database.dialect().isPostgresql())
        return flushSqlite();
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

Result<Done> HqBulkInsert::flushSqlite()
{
    const QVariant handle = m_database.connection().driver()->handle();
    sqlite3* db = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0 ? *static_cast<sqlite3* const*>(handle.constData())
                                                                                  : nullptr;
    const auto failure = [db](const char* what) {
        return Error{Error::Code::Storage, QStringLiteral("%1: %2").arg(QString::fromLatin1(what),
                                                                        QString::fromUtf8(db ? sqlite3_errmsg(db) : "no SQLite handle"))};
    };
    if (!db)
        return failure("bulk insert");
    auto* statement = static_cast<sqlite3_stmt*>(m_sqliteStatement);
    if (!statement) {
        const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (?%3)")
                                   .arg(m_table, m_columns.join(QStringLiteral(", ")),
                                        QStringLiteral(", ?").repeated(m_columns.size() - 1))
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
            return HqStoreError::from(QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                                                QString::number(sqlite3_extended_errcode(db))));
        }
    }
    m_values.clear();
    return Done{};
}

}  // namespace loyalty::hq
