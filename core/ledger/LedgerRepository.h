#pragma once

#include "common/Result.h"
#include "ledger/LedgerEntry.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace loyalty {

// Appends to and sums the append-only points ledger (the schema refuses updates and deletes).
class LedgerRepository final
{
public:
    explicit LedgerRepository(const QSqlDatabase& db);

    Result<qint64> append(const LedgerEntry& entry);
    // The balance of one account: points unless another is named ("wallet", "stamps:coffee").
    Result<Points> balance(qint64 memberId, const QString& account = QStringLiteral("points"));
    Result<QList<LedgerEntry>> entriesForSale(qint64 saleId) const;

private:
    QSqlDatabase m_db;
    QSqlQuery m_insert;
    QSqlQuery m_balance;
};

}  // namespace loyalty
