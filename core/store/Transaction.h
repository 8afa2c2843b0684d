#pragma once

#include "common/Result.h"

#include <QSqlDatabase>

namespace loyalty {

// An immediate (write-locking) SQLite transaction that rolls back unless committed.
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase& db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    Result<Done> begin();
    Result<Done> commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

}  // namespace loyalty
