#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `check`: SQLite's integrity check and the till's own invariants (ConsistencyCheck). Problems are
// the command's result, printed on standard output, and give exit code 3.
class CheckCommand final
{
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)

public:
    explicit CheckCommand(const Database& database);

    Result<CtlReport> run() const;

private:
    const Database& m_database;
};

}  // namespace loyalty
