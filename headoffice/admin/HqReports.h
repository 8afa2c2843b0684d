#pragma once

#include "admin/HqBalance.h"
#include "common/Result.h"
#include "tills/TillRecord.h"

#include <QCoreApplication>
#include <QList>

namespace loyalty::hq {

class HqDatabase;

// Read-only views of head office's data for the loyalty-hq commands balance, stats and conflicts.
class HqReports final
{
    Q_DECLARE_TR_FUNCTIONS(HqReports)

public:
    struct Statistics
    {
        qint64 members = 0;
        qint64 events = 0;
        qint64 duplicatesRefused = 0;
        qint64 rejected = 0;
        qint64 overdrafts = 0;
        qint64 couponConflicts = 0;
        QList<TillRecord> tills;
    };

    struct Overdraft
    {
        QString eventId;
        QString account;
        QString memberUuid;
        QString memberName;
        QString tillId;
        qint64 balance = 0;
        QString recordedAt;
    };

    struct CouponConflict
    {
        QString code;
        QString eventId;  // the use that lost
        QString memberUuid;
        QString tillId;
        QString saleUuid;
        QString usedAt;
        QString winnerEventId;
        QString winnerTillId;
        QString winnerUsedAt;
        QString recordedAt;
    };

    explicit HqReports(HqDatabase& database);

    // NotFound for a card head office does not know.
    Result<HqBalance> balance(const QString& cardNumber);
    Result<Statistics> statistics();
    Result<QList<Overdraft>> overdrafts();
    Result<QList<CouponConflict>> couponConflicts();

private:
    Result<qint64> count(const QString& statement);

    HqDatabase& m_database;
};

}  // namespace loyalty::hq
