#pragma once

#include "common/Error.h"

#include <QCoreApplication>
#include <QSqlError>

namespace loyalty {

// Turns a QtSql failure into an Error a cashier or an administrator can act on.
class StoreError final
{
    Q_DECLARE_TR_FUNCTIONS(StoreError)

public:
    static Error from(const QSqlError& error);
    static bool isDiskFull(const QSqlError& error);
    static bool isCorruption(const QSqlError& error);
};

}  // namespace loyalty
