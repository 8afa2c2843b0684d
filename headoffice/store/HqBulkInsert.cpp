#include "store/HqBulkInsert.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"

#include <algorithm>

namespace loyalty::hq {

HqBulkInsert::HqBulkInsert(HqDatabase& database, QString table, QStringList columns)
    : m_database(database)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
{
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
    const qsizetype maxRows = kMaxParameters / width;
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

}  // namespace loyalty::hq
