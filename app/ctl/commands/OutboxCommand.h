#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `outbox`: the records for head office by state (waiting, confirmed, rejected) and the rejected
// ones with head office's reason — the dead letter a manager has to see.
class OutboxCommand final
{
    Q_DECLARE_TR_FUNCTIONS(OutboxCommand)

public:
    explicit OutboxCommand(Database& database);

    Result<CtlReport> run() const;

private:
    Database& m_database;
};

}  // namespace loyalty
