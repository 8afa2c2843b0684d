#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

struct StaffSession;

// The check every manager operation in core makes first: the session's staff row is active, its
// role is manager (now, in the database, not when the session was made) and its shift is still
// open. A cashier, a deactivated or demoted manager, or a shift that ended is refused here, in
// core, whatever the screens show.
//
// A manager override session (StaffDirectory::signInOverride) passes while its own shift is open,
// next to the cashier's, and is refused as soon as endOverride has ended it.
class ManagerGuard final
{
    Q_DECLARE_TR_FUNCTIONS(ManagerGuard)

public:
    static inline const QString kNotAManager = QStringLiteral("not_a_manager");
    static inline const QString kNotSignedIn = QStringLiteral("not_signed_in");

    explicit ManagerGuard(const QSqlDatabase& db);

    // The refusal requireManager gives (also for a cashier asking for a manager override).
    static Error notAManagerError();

    // Refused with reason "not_a_manager" unless the session is a signed-in, active manager.
    Result<Done> requireManager(const StaffSession& session) const;
    // Refused with reason "not_signed_in" unless the session's account is active and its shift open,
    // whatever the role (a cashier changing their own PIN).
    Result<Done> requireSignedIn(const StaffSession& session) const;

private:
    struct Row
    {
        bool found = false;
        bool active = false;
        bool manager = false;
        bool shiftOpen = false;
    };
    Result<Row> read(const StaffSession& session) const;

    QSqlDatabase m_db;
};

}  // namespace loyalty
