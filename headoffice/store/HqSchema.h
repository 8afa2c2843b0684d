#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace loyalty::hq {

class HqDatabase;

// Head office's versioned schema, the same for both backends (HqDialect fills in the types). The
// version lives in the table hq_schema; each numbered step runs in one write transaction together
// with its version bump, and a database written by a newer loyalty-hq is refused unchanged.
class HqSchema final
{
    Q_DECLARE_TR_FUNCTIONS(HqSchema)

public:
    struct Step
    {
        int version;
        QString description;
        QStringList statements;  // with HqDialect placeholders
    };

    static const std::vector<Step>& steps();
    static int currentVersion();

    // 0 for a database without head office's tables.
    static Result<int> storedVersion(HqDatabase& database);
    // Brings the database to currentVersion(); returns it.
    static Result<int> migrate(HqDatabase& database);
};

}  // namespace loyalty::hq
