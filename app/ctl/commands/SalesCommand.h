#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `sales [--last N]`: the most recently completed sales, newest first.
class SalesCommand final
{
    Q_DECLARE_TR_FUNCTIONS(SalesCommand)

public:
    explicit SalesCommand(const Database& database);

    Result<CtlReport> run(int limit) const;

private:
    const Database& m_database;
};

}  // namespace loyalty
