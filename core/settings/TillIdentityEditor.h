#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace loyalty {

class Clock;
class Database;
struct StaffSession;

// The till's identity in its database's settings table, as the settings dialog edits it: the till's
// name, its currency and the head-office address (the sync endpoint's URL). These travel with the
// data and sync, so they live in the database, not in the workstation's QSettings.
//
// A save is refused in core for anyone but a signed-in manager (ManagerGuard), checks every field,
// and is one transaction: the changed settings and one audit entry with the values before and after.
// The currency is locked once the till has a sale (amounts already booked would change meaning); a
// new head-office address must be https. The pinned certificate and the credentials stay as they are.
class TillIdentityEditor final
{
    Q_DECLARE_TR_FUNCTIONS(TillIdentityEditor)

public:
    static constexpr int kMaxTillNameLength = 60;
    // The audit action of a saved change (stable, like AuditLog's own actions).
    static inline const QString kIdentityChangedAction = QStringLiteral("till.identity_changed");

    struct Identity
    {
        QString tillName;
        QString currency;       // ISO 4217, e.g. "EUR"
        QString headOfficeUrl;  // empty: the till has no head office yet

        friend bool operator==(const Identity&, const Identity&) = default;
    };

    TillIdentityEditor(Database& database, const Clock& clock);

    Result<Identity> read() const;
    // Whether the currency may still change: false once any sale exists.
    Result<bool> currencyLocked() const;

    // The checks save makes, for a dialog to show next to the field before OK.
    static Result<QString> checkTillName(const QString& name);
    static Result<QString> checkCurrency(const QString& code);
    static Result<QString> checkHeadOfficeUrl(const QString& url);

    // Writes what differs from the stored identity; nothing changed writes nothing (and no audit entry).
    Result<Identity> save(const StaffSession& by, const Identity& identity);

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
