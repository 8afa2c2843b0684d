#pragma once

#include "common/Result.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <map>
#include <memory>

namespace loyalty::hq {

class HqDatabase;

// Multi-row INSERTs for bulk loads (demo data): rows collect until flush(), which writes them with
// as few statements as it can, each prepared once per row count and reused. One statement of a
// few hundred rows costs one round trip to PostgreSQL instead of hundreds; SQLite gains too.
class HqBulkInsert final
{
public:
    static constexpr int kMaxParameters = 30000;  // below SQLite's 32766 and PostgreSQL's 65535

    HqBulkInsert(HqDatabase& database, QString table, QStringList columns);
    Q_DISABLE_COPY_MOVE(HqBulkInsert)

    // `values` in the order of the columns.
    void add(const QVariantList& values);
    qsizetype pendingRows() const { return m_values.size() / m_columns.size(); }
    Result<Done> flush();

private:
    Result<QSqlQuery*> statementFor(int rows);

    HqDatabase& m_database;
    QString m_table;
    QStringList m_columns;
    QVariantList m_values;
    std::map<int, std::unique_ptr<QSqlQuery>> m_statements;
};

}  // namespace loyalty::hq
