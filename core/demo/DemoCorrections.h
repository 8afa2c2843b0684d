#pragma once

#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// A few manager corrections for the demo till, so the audit log and the member histories show
// them on first look: the demo manager account (kManagerName, PIN kManagerPin — printed by
// `loyalty-ctl demo` and named in the guides) signs in and, through the real Corrections service,
// adjusts points up and down, credits a wallet, unblocks a found card and merges a member enrolled
// twice, then signs out. Dated the evening before `clock`'s today, after the demo history's sales.
// Only for a till without staff: the demo manager is its first manager.
class DemoCorrections final
{
    Q_DECLARE_TR_FUNCTIONS(DemoCorrections)

public:
    static inline const QString kManagerName = QStringLiteral("Demo Manager");
    static inline const QString kManagerPin = QStringLiteral("2468");

    struct Summary
    {
        QString managerName;
        int corrections = 0;
        int consents = 0;  // consent records of the member the guides show
    };

    DemoCorrections(Database& database, const Clock& clock);

    Result<Summary> generate();

private:
    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
