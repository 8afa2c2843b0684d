#pragma once

#include "common/Result.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <map>
#include <memory>

struct sqlite3_stmt;

namespace loyalty::hq {

class HqDatabase;

// Bulk writes (demo data, the fast path of a push): rows collect until flush(). QtSql's per-value
// overhead dominates such loads, so both backends go below it, on QtSql's own connection and
// inside its transaction: PostgreSQL gets the rows by COPY FROM STDIN (one round trip for all;
// without a suffix only, since COPY knows no ON CONFLICT), SQLite through one prepared statement of
// its C API (multi-row statements of up to kSqliteRowsPerStatement rows). PostgreSQL with a suffix
// falls back to multi-row INSERTs, prepared once per row count. A QByteArray value is UTF-8 text.
class HqBulkInsert final
{
public:
    // Below PostgreSQL's limit of 65535 parameters a statement.
    static constexpr int kMaxPostgresqlParameters = 30000;
    // Chunks of 64, 16, 4 and 1 rows: few statements to prepare, few steps for any row count.
    static constexpr int kSqliteRowsPerStatement = 64;

    // `suffix` follows the VALUES, e.g. "ON CONFLICT DO NOTHING".
    HqBulkInsert(HqDatabase& database, QString table, QStringList columns, QString suffix = {});
    ~HqBulkInsert();
    Q_DISABLE_COPY_MOVE(HqBulkInsert)

    // `values` in the order of the columns.
    void add(const QVariantList& values);
    qsizetype pendingRows() const { return m_values.size() / m_columns.size(); }
    Result<Done> flush();

private:
    Result<QSqlQuery*> statementFor(int rows);
    Result<Done> flushSqlite();
    Result<Done> flushCopy();

    HqDatabase& m_database;
    QString m_table;
    QStringList m_columns;
    QString m_suffix;
    QVariantList m_values;
    std::map<int, std::unique_ptr<QSqlQuery>> m_statements;
    std::map<int, sqlite3_stmt*> m_sqliteStatements;  // by rows per statement
};

}  // namespace loyalty::hq
