#pragma once

#include "audit/AuditVerification.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// Walks the whole audit chain in seq order, one row at a time (a forward-only query, so a long log
// is never held in memory), and checks that seq runs 1, 2, 3... without gaps, that every entry's
// fields give its hash, that every prev_hash is the previous entry's hash (64 zeros for the first)
// and that the last entry is the head AuditLog recorded. Reports the first entry that is wrong.
class AuditVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(AuditVerifier)

public:
    explicit AuditVerifier(const QSqlDatabase& db);

    // An error only when the database cannot be read; a broken chain is a result.
    Result<AuditVerification> run() const;

private:
    QSqlDatabase m_db;
};

}  // namespace loyalty
