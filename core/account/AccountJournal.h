#pragma once

#include "account/AccountEntry.h"
#include "common/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Appends entries to the (append-only) ledger with their account, lot expiry, explanation and
// return; runs inside the caller's transaction.
class AccountJournal final
{
public:
    explicit AccountJournal(const QSqlDatabase& db);
    Q_DISABLE_COPY_MOVE(AccountJournal)

    Result<qint64> append(const AccountEntry& entry);

private:
    QSqlQuery m_insert;
};

}  // namespace loyalty
