#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace loyalty {

// One ledger entry with every column the accounts use (schema 5): what AccountJournal appends.
struct AccountEntry
{
    qint64 memberId = 0;
    std::optional<qint64> saleId;
    std::optional<qint64> returnId;
    QString kind;       // "earn", "redeem", "expire", "reverse", "adjust"...
    QString account;    // "points", "wallet", "credit:<rule>", "stamps:<card>", "membership"
    qint64 amount = 0;  // signed, in the account's unit (the column is still called points)
    QString reason;     // the rule id or cause
    QString createdAt;  // a StoredTime instant
    QDate expiresOn;    // positive points lots only; null: never
    QString explanation;
};

}  // namespace loyalty
