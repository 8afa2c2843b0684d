#pragma once

#include "common/Result.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <map>
#include <memory>

namespace loyalty::hq {

class HqDatabase;

// Bulk loads (demo data): rows collect until flush(). PostgreSQL gets multi-row INSERTs, each
// prepared once per row count and reused, so a few hundred rows cost one round trip. SQLite has no
// round trip to save but QtSql's per-row overhead (QVariant lists, UTF-16 text SQLite converts back)
// dominates there, so rows go through one prepared statement of SQLite's own C API on the same
// connection and transaction.
class HqBulkInsert final
{
public:
    // Below PostgreSQL's limit of 65535 parameters a statement.
    static constexpr int kMaxPostgresqlParameters = 30000;

    HqBulkInsert(HqDatabase& database, QString table, QStringList columns);
    ~HqBulkInsert();
    Q_DISABLE_COPY_MOVE(HqBulkInsert)

    // `values` in the order of the columns.
    void add(const QVariantList& values);
    qsizetype pendingRows() const { return m_values.size() / m_columns.size(); }
    Result<Done> flush();

private:
    Result<QSqlQuery*> statementFor(int rows);
    Result<Done> flushSqlite();

    HqDatabase& m_database;
    QString m_table;
    QStringList m_columns;
    QVariantList m_values;
    std::map<int, std::unique_ptr<QSqlQuery>> m_statements;
    void* m_sqliteStatement = nullptr;  // sqlite3_stmt*, kept out of this header
};

}  // namespace loyalty::hq
