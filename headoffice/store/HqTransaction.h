#pragma once

#include "common/Result.h"

#include <QSqlQuery>

#include <memory>

namespace loyalty::hq {

class HqDatabase;

// A transaction on head office's database that rolls back unless committed. A write transaction
// holds the writer lock (HqDialect::beginWrite) until it ends; a read transaction sees one snapshot.
// Savepoints let one event of a batch fail without undoing the others.
class HqTransaction final
{
public:
    explicit HqTransaction(HqDatabase& database);
    ~HqTransaction();
    Q_DISABLE_COPY_MOVE(HqTransaction)

    Result<Done> beginWrite();
    Result<Done> beginRead();
    Result<Done> commit();
    void rollback();

    Result<Done> savepoint();
    Result<Done> releaseSavepoint();
    Result<Done> rollbackToSavepoint();

private:
    Result<Done> exec(const QString& statement);
    // Savepoints run once per event of a batch: prepared once per transaction on SQLite.
    Result<Done> execPrepared(std::unique_ptr<QSqlQuery>& query, const QString& statement);

    HqDatabase& m_database;
    bool m_active = false;
    std::unique_ptr<QSqlQuery> m_savepoint;
    std::unique_ptr<QSqlQuery> m_release;
    std::unique_ptr<QSqlQuery> m_rollbackTo;
};

}  // namespace loyalty::hq
