#pragma once

#include <QString>

#include <optional>

namespace loyalty {

// What a member of staff may do at this till: cashiers sell, managers also correct, report and
// administer. Stored in staff.role as "cashier" or "manager".
enum class StaffRole
{
    Cashier,
    Manager
};

// The stable word the database (and loyalty-ctl --role) use for a role.
inline QString staffRoleKey(StaffRole role)
{
    return role == StaffRole::Manager ? QStringLiteral("manager") : QStringLiteral("cashier");
}

inline std::optional<StaffRole> staffRoleFromKey(const QString& key)
{
    if (key == QLatin1String("manager"))
        return StaffRole::Manager;
    if (key == QLatin1String("cashier"))
        return StaffRole::Cashier;
    return std::nullopt;
}

}  // namespace loyalty
