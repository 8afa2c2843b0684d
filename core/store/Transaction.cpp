#include "store/Transaction.h"

#include "store/StoreError.h"

#include <QSqlQuery>

namespace loyalty {

Transaction::Transaction(const QSqlDatabase& db)
    : m_db(db)
{
}

Transaction::~Transaction()
{
    rollback();
}

Result<Done> Transaction::begin()
{
    // BEGIN IMMEDIATE takes the write lock now, so a busy database fails here (after busy_timeout)
    // rather than half way through the writes.
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return StoreError::from(query.lastError());
    m_active = true;
    return Done{};
}

Result<Done> Transaction::commit()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const Error error = StoreError::from(query.lastError());
        rollback();
        return error;
    }
    m_active = false;
    return Done{};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));  // fails harmlessly if SQLite already rolled back
}

}  // namespace loyalty
