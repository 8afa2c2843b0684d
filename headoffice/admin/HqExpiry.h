#pragma once

#include "common/Result.h"
#include "money/Points.h"

#include <QCoreApplication>
#include <QDateTime>

namespace loyalty::hq {

class HqDatabase;

// Head office books the expiry of points lots whose day has come (provisioned tills leave it to
// head office): each member's points ledger is replayed with core's PointsLots, every expired lot
// becomes one negative entry keyed "expire/UUID/DATE/n" and a ledger change for every till
// (origin NULL). Idempotent: the entries consume the lots they expire, so a second run finds none.
class HqExpiry final
{
    Q_DECLARE_TR_FUNCTIONS(HqExpiry)

public:
    struct Summary
    {
        QDate day;
        qint64 members = 0;
        qint64 entries = 0;
        Points points = 0;
    };

    explicit HqExpiry(HqDatabase& database);

    // `at`: head office's local time whose day counts (lots with expires_on on or before it).
    Result<Summary> run(const QDateTime& at);

private:
    HqDatabase& m_database;
};

}  // namespace loyalty::hq
