#pragma once

#include "CtlReport.h"
#include "common/Result.h"
#include "staff/StaffRole.h"

#include <QCoreApplication>

#include <cstdio>

namespace loyalty {

class Clock;
class Database;

// `staff add` and `staff list`: the administrator's way to the till's accounts (whoever holds the
// database file may run loyalty-ctl). The PIN comes from standard input, never from the command
// line, where other users of the machine and the shell history would see it.
class StaffCommand final
{
    Q_DECLARE_TR_FUNCTIONS(StaffCommand)

public:
    // A PIN line longer than this is not a PIN (and is not kept in memory whole).
    static constexpr qint64 kMaxPinLine = 64;

    StaffCommand(Database& database, const Clock& clock);

    // Reads the PIN from `input`: one line; on a terminal it asks twice without echo.
    Result<CtlReport> add(const QString& name, StaffRole role, FILE* input) const;
    Result<CtlReport> list() const;

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
