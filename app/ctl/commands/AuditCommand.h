#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `audit verify` walks the whole hash chain of the audit log and names the first entry that was
// edited, deleted, inserted or moved (exit code 7); `audit list` shows the newest entries.
class AuditCommand final
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    explicit AuditCommand(Database& database);

    Result<CtlReport> verify() const;
    Result<CtlReport> list(int limit) const;

private:
    Database& m_database;
};

}  // namespace loyalty
