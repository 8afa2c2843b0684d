#pragma once

#include "common/Result.h"
#include "staff/PinHash.h"
#include "staff/StaffMember.h"
#include "staff/StaffSession.h"

#include <QCoreApplication>
#include <QList>
#include <QVariant>

#include <optional>

namespace loyalty {

class Clock;
class Database;

// The till's staff accounts, sign-in and shifts.
//
// Lockout: every wrong PIN (at sign-in or when unlocking the idle lock) counts; the 5th wrong PIN
// in a row locks the account for 5 minutes, and every further wrong PIN after a lock ends locks it
// again for twice as long as the time before (10, 20, 40 minutes..., at most 24 hours). A locked
// account is refused without running the KDF, with the time it opens again. A right PIN resets the
// count; so does a new PIN set by a manager. Locks and new accounts go into the audit log.
//
// A shift is one sign-in to sign-out. The till has one person at a time: signing in ends any shift
// still open on this till (end_reason 'replaced'); signOut ends it as 'signed_out'.
//
// Manager override: a manager who steps in at a cashier's till (F10 to the manager screens, or
// unlocking the idle lock) signs in with signInOverride. That opens a separate shift row for the
// manager and leaves the cashier's shift open, so the cashier's session stays valid and the till goes
// back to it afterwards without a new sign-in. The override session is a full manager session for
// ManagerGuard (corrections work with it) until endOverride ends its shift ('override_ended');
// from then on ManagerGuard refuses it. An override left open (the till died while the manager
// screens were open) is ended with every other open shift at the next signIn ('replaced').
class StaffDirectory final
{
    Q_DECLARE_TR_FUNCTIONS(StaffDirectory)

public:
    static constexpr int kMaxFailedAttempts = 5;
    static constexpr qint64 kFirstLockSeconds = 5 * 60;
    static constexpr qint64 kMaxLockSeconds = 24 * 3600;
    static constexpr int kMaxNameLength = 64;

    StaffDirectory(Database& database, const Clock& clock);

    // Whether any account exists (active or not); without one the till runs the first-run flow.
    Result<bool> hasStaff() const;
    // The first-run flow: only while there are no staff at all. The new manager is signed in (its
    // first shift is open) so the first run goes straight on.
    Result<StaffSession> createFirstManager(const QString& name, const QString& pin);
    // Manager only (ManagerGuard).
    Result<StaffMember> add(const StaffSession& by, const QString& name, StaffRole role, const QString& pin);
    // loyalty-ctl staff add: whoever holds the database file (the administrator) adds an account;
    // the audit log names "administrator (loyalty-ctl)".
    Result<StaffMember> addAsAdministrator(const QString& name, StaffRole role, const QString& pin);
    // Every account, by name.
    Result<QList<StaffMember>> list() const;

    Result<StaffSession> signIn(const QString& name, const QString& pin);
    Result<Done> signOut(const StaffSession& session);
    // Manager override over the shift open on this till (see above): manager accounts only (a
    // cashier's right PIN is refused with ManagerGuard's "not_a_manager"), the PIN counted and locked
    // out exactly like signIn; opens the manager's own shift and ends no other.
    Result<StaffSession> signInOverride(const QString& name, const QString& pin);
    // Ends an override's shift ('override_ended'); a session whose shift already ended is left alone.
    Result<Done> endOverride(const StaffSession& session);
    // Unlocks the idle lock: the session's own PIN, counted like sign-in, no new shift.
    Result<Done> verifyPin(const StaffSession& session, const QString& pin);
    // A manager for anyone, or a signed-in member of staff for themselves.
    Result<Done> changePin(const StaffSession& by, qint64 staffId, const QString& newPin);
    // Manager only; never the last active manager. Ends the account's open shift.
    Result<Done> deactivate(const StaffSession& by, qint64 staffId);

private:
    struct StoredStaff
    {
        StaffMember member;
        PinHash pin;
    };

    Result<std::optional<StoredStaff>> findByName(const QString& name) const;
    Result<std::optional<StoredStaff>> findById(qint64 id) const;
    Result<std::optional<StoredStaff>> find(const QString& where, const QVariant& key) const;
    static Result<QString> checkName(const QString& name);
    Result<Done> checkNameFree(const QString& name) const;
    Result<StaffMember> insert(const StaffSession& by, const QString& name, StaffRole role, const PinHash& pin);
    Result<qint64> openShift(qint64 staffId, const QString& now);
    // An active account by name with its PIN checked (the lock, the KDF, the counting); an unknown
    // or inactive name costs the same and answers like a wrong PIN.
    Result<StoredStaff> authenticate(const QString& name, const QString& pin);
    // After a right PIN, inside the caller's transaction: resets the count, upgrades a cheaper hash.
    Result<Done> acceptPin(const StoredStaff& staff, const QString& pin);
    // Runs the lock check, the KDF and the counting; Done when the PIN is right.
    Result<Done> checkPin(const StoredStaff& staff, const QString& pin);
    Result<Done> recordFailure(const StoredStaff& staff);
    Error lockedError(const StaffMember& member) const;
    static Error wrongPinError();

    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
