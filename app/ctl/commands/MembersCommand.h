#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Database;

// `members [--limit N]`: the first members by id, with their card numbers.
class MembersCommand final
{
    Q_DECLARE_TR_FUNCTIONS(MembersCommand)

public:
    explicit MembersCommand(const Database& database);

    Result<CtlReport> run(int limit) const;

private:
    const Database& m_database;
};

}  // namespace loyalty
