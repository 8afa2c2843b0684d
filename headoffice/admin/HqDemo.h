#pragma once

#include "common/Result.h"
#include "demo/DemoShop.h"

#include <QCoreApplication>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HqDatabase;

// `loyalty-hq demo --members N`: the till's demo shop at head office, from the same DemoShop
// sequence, so a demo till and a demo head office agree on every member, card, opening balance
// ("opening/UUID") and product; the built-in demo programme is published signed. Each row comes
// with its change, so a till provisioned afterwards pulls all of it. One transaction with bulk
// writes (HqBulkInsert): a million members in about a minute even in a debug build on SQLite.
class HqDemo final
{
    Q_DECLARE_TR_FUNCTIONS(HqDemo)

public:
    struct Summary
    {
        qint64 members = 0;
        qint64 cards = 0;
        qint64 products = 0;
        int programmeVersion = 0;
        bool programmePublished = false;  // false: one was published already and stays
    };

    static constexpr qint64 kMaxMembers = 10'000'000;
    static inline const QString kCurrency = QStringLiteral("EUR");

    HqDemo(HqDatabase& database, const Clock& clock, quint32 seed = DemoShop::kDefaultSeed);

    // Refuses (Conflict) a database that holds members or products already.
    Result<Summary> generate(qint64 memberCount);

private:
    Result<Done> requireEmpty();
    Result<Done> publishProgramme(Summary& summary);
    Result<qint64> insertProducts();
    Result<qint64> insertMembers(qint64 memberCount);

    HqDatabase& m_database;
    const Clock& m_clock;
    quint32 m_seed;
};

}  // namespace loyalty::hq
