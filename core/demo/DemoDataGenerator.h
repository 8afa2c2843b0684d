#pragma once

#include "common/Result.h"
#include "demo/DemoShop.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;

// Fills an empty till database with a reproducible demo shop (DemoShop): the same seed and count
// always give the same members, cards and products, and the same as head office's demo. Member n
// carries the card 2000 + n (8 digits) + check digit, e.g. member 12345 has 2000000123455; every
// 1000th member also has a blocked old card. Members carry their uuid and opening balances the
// key head office gives them ("opening/UUID"), so a demo till joins a demo head office cleanly.
// The demo till sells under the built-in demo programme, activated unless a programme is stored.
class DemoDataGenerator final
{
    Q_DECLARE_TR_FUNCTIONS(DemoDataGenerator)

public:
    struct Summary
    {
        qint64 members = 0;
        qint64 cards = 0;
        qint64 products = 0;
        QString programmeId;  // the programme the till now sells under
        int programmeVersion = 0;
        bool programmeActivated = false;  // false: one was stored already and stays active
    };

    static constexpr quint32 kDefaultSeed = DemoShop::kDefaultSeed;
    static constexpr qint64 kMaxMembers = 10'000'000;

    DemoDataGenerator(Database& database, const Clock& clock, quint32 seed = kDefaultSeed);

    // Refuses a database that already holds members or products: demo data never mixes with real data.
    Result<Summary> generate(qint64 memberCount);

    static QString cardNumberFor(qint64 memberId);
    static QString blockedCardNumberFor(qint64 memberId);
    static QString productEanFor(int productIndex);

private:
    Result<Done> requireEmpty() const;
    Result<Done> activateProgramme(Summary& summary) const;
    Result<qint64> insertProducts();
    Result<qint64> insertMembers(qint64 memberCount);

    Database& m_database;
    const Clock& m_clock;
    quint32 m_seed;
};

}  // namespace loyalty
