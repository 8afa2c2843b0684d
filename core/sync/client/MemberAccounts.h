#pragma once

#include "common/Result.h"

#include <QMap>
#include <QSqlDatabase>
#include <QString>

namespace loyalty::sync {

// A member as head office names them (uuid) and the sum of every ledger account they hold: what
// loyalty-ctl balance and loyalty-hq balance both print, so a till and head office can be compared.
struct MemberAccounts
{
    QString memberUuid;
    QMap<QString, qint64> accounts;  // "points", "wallet", "stamps:coffee" ... -> sum of the ledger

    static Result<MemberAccounts> read(const QSqlDatabase& db, qint64 memberId);
};

}  // namespace loyalty::sync
