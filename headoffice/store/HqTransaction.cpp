#include "store/HqTransaction.h"

#include "store/HqDatabase.h"
#include "store/HqStoreError.h"

#include <QSqlQuery>

namespace loyalty::hq {

namespace {
const QString kSavepoint = QStringLiteral("hq_event");
}  // namespace

HqTransaction::HqTransaction(HqDatabase& database)
    : m_database(database)
{
}

HqTransaction::~HqTransaction()
{
    rollback();
}

Result<Done> HqTransaction::exec(const QString& statement)
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(statement))
        return HqStoreError::from(query.lastError());
    return Done{};
}

Result<Done> HqTransaction::beginWrite()
{
    const QStringList statements = m_database.dialect().beginWrite();
    if (auto begun = exec(statements.first()); !begun)
        return begun;
    m_active = true;
    for (qsizetype i = 1; i < statements.size(); ++i) {
        if (auto done = exec(statements[i]); !done) {
            rollback();
            return done;
        }
    }
    return Done{};
}

Result<Done> HqTransaction::beginRead()
{
    // One snapshot for every statement of the read: PostgreSQL's default (read committed) would
    // give each statement its own.
    const QString begin = m_database.dialect().isPostgresql()
                              ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                              : QStringLiteral("BEGIN");
    if (auto begun = exec(begin); !begun)
        return begun;
    m_active = true;
    return Done{};
}

Result<Done> HqTransaction::commit()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        const Error error = HqStoreError::from(query.lastError());
        rollback();
        return error;
    }
    m_active = false;
    m_savepoint.reset();
    m_release.reset();
    m_rollbackTo.reset();
    return Done{};
}

void HqTransaction::rollback()
{
    m_savepoint.reset();
    m_release.reset();
    m_rollbackTo.reset();
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral("ROLLBACK"));  // fails harmlessly when the backend rolled back already
}

Result<Done> HqTransaction::execPrepared(std::unique_ptr<QSqlQuery>& query, const QString& statement)
{
    // PostgreSQL cannot PREPARE a SAVEPOINT; its simple query protocol is cheap enough for it.
    if (m_database.dialect().isPostgresql())
        return exec(statement);
    if (!query) {
        query = std::make_unique<QSqlQuery>(m_database.connection());
        if (!query->prepare(statement))
            return HqStoreError::from(query->lastError());
    }
    if (!query->exec())
        return HqStoreError::from(query->lastError());
    query->finish();
    return Done{};
}

Result<Done> HqTransaction::savepoint()
{
    return execPrepared(m_savepoint, QStringLiteral("SAVEPOINT ") + kSavepoint);
}

Result<Done> HqTransaction::releaseSavepoint()
{
    return execPrepared(m_release, QStringLiteral("RELEASE SAVEPOINT ") + kSavepoint);
}

Result<Done> HqTransaction::rollbackToSavepoint()
{
    if (auto rolled = execPrepared(m_rollbackTo, QStringLiteral("ROLLBACK TO SAVEPOINT ") + kSavepoint); !rolled)
        return rolled;
    return releaseSavepoint();
}

}  // namespace loyalty::hq
