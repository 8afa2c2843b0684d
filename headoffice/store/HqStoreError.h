#pragma once

#include "common/Error.h"

#include <QCoreApplication>
#include <QSqlError>

namespace loyalty::hq {

// Turns a QtSql failure of either backend into an Error an administrator can act on.
class HqStoreError final
{
    Q_DECLARE_TR_FUNCTIONS(HqStoreError)

public:
    static Error from(const QSqlError& error);
};

}  // namespace loyalty::hq
