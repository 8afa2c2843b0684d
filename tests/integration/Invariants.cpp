#include "Invariants.h"

#include "HqDatabase.h"
#include "HqProcess.h"
#include "TillFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {

// The accounts of a balance answer without zero sums: an account a side never booked and one whose
// bookings cancel out are the same balance.
QJsonObject nonZeroAccounts(const QJsonObject& balance)
{
    QJsonObject accounts;
    const QJsonObject all = balance.value(QLatin1String("accounts")).toObject();
    for (auto it = all.begin(); it != all.end(); ++it)
        if (it.value().toInteger() != 0)
            accounts.insert(it.key(), it.value());
    return accounts;
}

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

}  // namespace

QString Invariants::afterScenario(const QString& hqDatabaseUrl, HqDatabase& hq, const QList<TillFixture*>& tills,
                                  const QStringList& cards, const Options& options)
{
    QStringList problems;
    for (int round = 1; round <= 2; ++round) {
        for (TillFixture* till : tills) {
            const ProcessRun run = till->sync(120);
            const QJsonObject summary = run.json();
            if (!run.succeeded() || !summary.value(QLatin1String("online")).toBool())
                problems << QStringLiteral("final sync round %1 of %2 failed: %3")
                                .arg(round)
                                .arg(till->name(), run.describe());
            else if (round == 2 && summary.value(QLatin1String("pending")).toInteger(-1) != 0)
                problems << QStringLiteral("%1 still has events pending after two final sync rounds: %2")
                                .arg(till->name(), run.describe());
        }
    }
    const QString events = eventsExactlyOnce(hq, tills, options);
    if (!events.isEmpty())
        problems << events;
    const QString balances = balancesAgree(hqDatabaseUrl, tills, cards);
    if (!balances.isEmpty())
        problems << balances;
    for (TillFixture* till : tills)
        if (!till->check())
            problems << till->error();
    return problems.join(QLatin1Char('\n'));
}

QString Invariants::eventsExactlyOnce(HqDatabase& hq, const QList<TillFixture*>& tills, const Options& options)
{
    QStringList problems;
    const auto atHq = hq.column(QStringLiteral("SELECT id FROM events"));
    const auto duplicated = hq.column(QStringLiteral("SELECT id FROM events GROUP BY id HAVING count(*) > 1"));
    if (!atHq || !duplicated)
        return QStringLiteral("cannot read head office's events: %1").arg(hq.error());
    if (!duplicated->isEmpty())
        problems << QStringLiteral("head office holds %1 events more than once, e.g. %2")
                        .arg(duplicated->size())
                        .arg(duplicated->first());
    const QSet<QString> hqIds(atHq->begin(), atHq->end());
    if (hqIds.size() != atHq->size())
        problems << QStringLiteral("head office's events table has %1 rows but %2 distinct ids")
                        .arg(atHq->size())
                        .arg(hqIds.size());

    QSet<QString> tillIds;
    int rejected = 0;
    for (TillFixture* till : tills) {
        const QStringList all = till->outboxUuids();
        const QStringList dead = till->outboxUuids(QStringLiteral("rejected"));
        const QSet<QString> deadSet(dead.begin(), dead.end());
        rejected += dead.size();
        int missing = 0;
        QString example;
        for (const QString& uuid : all) {
            tillIds.insert(uuid);
            if (deadSet.contains(uuid)) {
                if (hqIds.contains(uuid))
                    problems << QStringLiteral("%1's event %2 is rejected at the till but stored at head office")
                                    .arg(till->name(), uuid);
                continue;
            }
            if (!hqIds.contains(uuid)) {
                ++missing;
                example = uuid;
            }
        }
        if (missing > 0)
            problems << QStringLiteral("%1 of %2's %3 outbox events are not at head office, e.g. %4 (till outbox: "
                                       "%5 pending, %6 acknowledged, %7 rejected)")
                            .arg(missing)
                            .arg(till->name())
                            .arg(all.size())
                            .arg(example)
                            .arg(till->outboxCount(QStringLiteral("pending")))
                            .arg(till->outboxCount(QStringLiteral("acknowledged")))
                            .arg(dead.size());
        if (till->outboxCount(QStringLiteral("pending")) > 0)
            problems << QStringLiteral("%1 still has %2 events pending")
                            .arg(till->name())
                            .arg(till->outboxCount(QStringLiteral("pending")));
    }
    if (options.rejectedAllowed >= 0 && rejected > options.rejectedAllowed)
        problems << QStringLiteral("%1 events were dead-lettered, %2 expected at most")
                        .arg(rejected)
                        .arg(options.rejectedAllowed);
    int foreign = 0;
    QString foreignExample;
    for (const QString& id : hqIds) {
        if (!tillIds.contains(id)) {
            ++foreign;
            foreignExample = id;
        }
    }
    if (foreign > options.foreignEventsAllowed)
        problems << QStringLiteral("head office holds %1 events no till wrote (expected at most %2), e.g. %3")
                        .arg(foreign)
                        .arg(options.foreignEventsAllowed)
                        .arg(foreignExample);
    return problems.join(QLatin1Char('\n'));
}

QString Invariants::balancesAgree(const QString& hqDatabaseUrl, const QList<TillFixture*>& tills,
                                  const QStringList& cards)
{
    QStringList problems;
    for (const QString& card : cards) {
        const ProcessRun hqRun =
            HqProcess::cli(hqDatabaseUrl, {QStringLiteral("balance"), card, QStringLiteral("--json")});
        if (!hqRun.succeeded() || !hqRun.isJsonObject()) {
            problems << QStringLiteral("head office's balance of %1: %2").arg(card, hqRun.describe());
            continue;
        }
        const QJsonObject hq = hqRun.json();
        const QJsonObject hqAccounts = nonZeroAccounts(hq);
        for (TillFixture* till : tills) {
            const auto balance = till->balance(card);
            if (!balance) {
                problems << till->error();
                continue;
            }
            const QJsonObject tillAccounts = nonZeroAccounts(*balance);
            if (tillAccounts != hqAccounts)
                problems << QStringLiteral("card %1: %2 has accounts %3, head office %4")
                                .arg(card, till->name(), compact(tillAccounts), compact(hqAccounts));
            if (balance->value(QLatin1String("balance")).toInteger(-1) !=
                hq.value(QLatin1String("balance")).toInteger(-2))
                problems << QStringLiteral("card %1: %2 shows %3 points, head office %4")
                                .arg(card, till->name())
                                .arg(balance->value(QLatin1String("balance")).toInteger(-1))
                                .arg(hq.value(QLatin1String("balance")).toInteger(-2));
            if (balance->value(QLatin1String("member_uuid")).toString() !=
                hq.value(QLatin1String("member_uuid")).toString())
                problems << QStringLiteral("card %1: %2 names member %3, head office %4")
                                .arg(card, till->name(), balance->value(QLatin1String("member_uuid")).toString(),
                                     hq.value(QLatin1String("member_uuid")).toString());
        }
    }
    return problems.join(QLatin1Char('\n'));
}
