#include "staff/ManagerGuard.h"

#include "staff/StaffSession.h"
#include "store/StoreError.h"

#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

ManagerGuard::ManagerGuard(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<ManagerGuard::Row> ManagerGuard::read(const StaffSession& session) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT s.active, s.role, sh.signed_out_at IS NULL FROM staff s"
                                 " JOIN shifts sh ON sh.staff_id = s.id WHERE s.id = ? AND sh.id = ?"));
    query.bindValue(0, session.staffId);
    query.bindValue(1, session.shiftId);
    if (!query.exec())
        return StoreError::from(query.lastError());
    Row row;
    if (query.next()) {
        row.found = true;
        row.active = query.value(0).toInt() == 1;
        row.manager = query.value(1).toString() == QLatin1String("manager");
        row.shiftOpen = query.value(2).toInt() == 1;
    }
    return row;
}

Error ManagerGuard::notAManagerError()
{
    return {Error::Code::Refused, tr("Only a signed-in manager may do this."), kNotAManager};
}

Result<Done> ManagerGuard::requireManager(const StaffSession& session) const
{
    const auto row = read(session);
    if (!row)
        return row.error();
    if (!row->found || !row->active || !row->shiftOpen || !row->manager) {
        return notAManagerError();
    }
    return Done{};
}

Result<Done> ManagerGuard::requireSignedIn(const StaffSession& session) const
{
    const auto row = read(session);
    if (!row)
        return row.error();
    if (!row->found || !row->active || !row->shiftOpen)
        return Error{Error::Code::Refused, tr("Sign in first."), kNotSignedIn};
    return Done{};
}

}  // namespace loyalty
