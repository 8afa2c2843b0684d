#include "sync/client/MemberAccounts.h"

#include "store/StoreError.h"

#include <QSqlQuery>
#include <QVariant>

namespace loyalty::sync {

Result<MemberAccounts> MemberAccounts::read(const QSqlDatabase& db, qint64 memberId)
{
    MemberAccounts result;
    QSqlQuery member(db);
    member.prepare(QStringLiteral("SELECT coalesce(uuid, '') FROM members WHERE id = ?"));
    member.bindValue(0, memberId);
    if (!member.exec())
        return StoreError::from(member.lastError());
    if (member.next())
        result.memberUuid = member.value(0).toString();
    QSqlQuery sums(db);
    sums.prepare(QStringLiteral("SELECT account, sum(points) FROM ledger_entries WHERE member_id = ? GROUP BY account"
                                " ORDER BY account"));
    sums.bindValue(0, memberId);
    if (!sums.exec())
        return StoreError::from(sums.lastError());
    while (sums.next())
        result.accounts.insert(sums.value(0).toString(), sums.value(1).toLongLong());
    return result;
}

}  // namespace loyalty::sync
