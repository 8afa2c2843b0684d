#pragma once

#include "staff/StaffRole.h"

#include <QDateTime>
#include <QString>

namespace loyalty {

// One staff account as StaffDirectory::list shows it; never the PIN's hash or salt.
struct StaffMember
{
    qint64 id = 0;
    QString name;
    StaffRole role = StaffRole::Cashier;
    bool active = true;
    int failedAttempts = 0;
    QDateTime lockedUntil;  // invalid: not locked (or never was)
    QString createdAt;      // as stored: UTC, ISO 8601 with milliseconds

    bool isLockedAt(const QDateTime& now) const { return lockedUntil.isValid() && lockedUntil > now; }
};

}  // namespace loyalty
