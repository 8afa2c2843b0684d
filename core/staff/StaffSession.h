#pragma once

#include "staff/StaffRole.h"

#include <QString>

namespace loyalty {

// Who is signed in at the till and in which shift. Only a claim: every manager operation in core
// re-checks it against the database with ManagerGuard, so a stale or forged session is refused.
struct StaffSession
{
    qint64 staffId = 0;
    QString name;
    StaffRole role = StaffRole::Cashier;
    qint64 shiftId = 0;

    bool isManager() const { return role == StaffRole::Manager; }
};

}  // namespace loyalty
