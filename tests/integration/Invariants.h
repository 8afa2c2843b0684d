#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class HqDatabase;
class TillFixture;

// What must hold after every scenario, checked from the outside: head office's `events` table holds
// every event of every till's outbox exactly once (and nothing no till wrote), every till's balances
// for the members the scenario touched equal head office's after a final sync of every till, and
// `loyalty-ctl check` passes on every till.
class Invariants final
{
public:
    struct Options
    {
        // Events a till may hold in the dead-letter state (head office refused them for good); they
        // must not be at head office. -1: any number.
        int rejectedAllowed = 0;
        // Events at head office that no till here wrote (sent by the test itself, a deleted till).
        int foreignEventsAllowed = 0;
    };

    // Runs two sync rounds on every till (the first delivers, the second pulls what the others
    // delivered) and then checks. Empty when everything holds, otherwise every problem found.
    static QString afterScenario(const QString& hqDatabaseUrl, HqDatabase& hq, const QList<TillFixture*>& tills,
                                 const QStringList& cards, const Options& options);
    static QString afterScenario(const QString& hqDatabaseUrl, HqDatabase& hq, const QList<TillFixture*>& tills,
                                 const QStringList& cards)
    {
        return afterScenario(hqDatabaseUrl, hq, tills, cards, Options{});
    }

    // Only the event check (no syncing): every acknowledged event of `tills` is at head office once.
    static QString eventsExactlyOnce(HqDatabase& hq, const QList<TillFixture*>& tills, const Options& options);
    // Only the balance check: `cards` have the same accounts on every till as at head office.
    static QString balancesAgree(const QString& hqDatabaseUrl, const QList<TillFixture*>& tills,
                                 const QStringList& cards);
};
