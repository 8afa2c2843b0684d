#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace loyalty {

class Database;

// Checks a till database beyond SQLite's own integrity check: every completed sale is whole (its
// lines add up, its ledger entries and its outbox event exist), the outbox sequence has no gaps
// whatever state its events are in (pending, acknowledged, rejected — rejected ones with their
// reason), no member's balance (the sum of their ledger) is negative, entries pulled from head
// office belong to no sale of this till, and no sale of this till is also held as another till's.
class ConsistencyCheck final
{
    Q_DECLARE_TR_FUNCTIONS(ConsistencyCheck)

public:
    struct Report
    {
        qint64 sales = 0;
        qint64 ledgerEntries = 0;
        qint64 outboxEvents = 0;
        QStringList problems;  // empty when all is well
    };

    explicit ConsistencyCheck(const Database& database);

    Result<Report> run() const;

private:
    Result<qint64> count(const QString& sql) const;
    Result<Done> expectNone(const QString& sql, const char* problem, Report& report) const;

    const Database& m_database;
};

}  // namespace loyalty
