#include "sync/apply/ChangeApplier.h"

#include "outbox/OutboxRepository.h"
#include "settings/SettingsRepository.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "sync/SyncSettingKeys.h"
#include "sync/apply/AccountChangeApplier.h"
#include "sync/apply/CatalogueChangeApplier.h"
#include "sync/apply/ChangeFields.h"
#include "sync/apply/DeferredMemberSearch.h"
#include "sync/apply/MemberChangeApplier.h"
#include "sync/apply/MemberIndex.h"
#include "sync/apply/ProgrammeChangeApplier.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace loyalty::sync {

namespace {

// From this many member changes in a page on, the search index is filled once for the page
// (DeferredMemberSearch); an ordinary pull with a few members keeps the per-row trigger.
constexpr int kDeferSearchFrom = 64;

int memberChanges(const QJsonArray& changes)
{
    int count = 0;
    for (const QJsonValue& change : changes) {
        if (change.toObject().value(QLatin1String("kind")).toString() == kMemberChange)
            ++count;
    }
    return count;
}

Result<qint64> scalar(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toLongLong();
}

// The ledger entries the outbox has handed to events, and the newest entry.
Result<std::pair<qint64, qint64>> ledgerClaim(const QSqlDatabase& db)
{
    const auto claimed = scalar(
        db, QStringLiteral("SELECT coalesce((SELECT value FROM till_counters WHERE name = 'outbox.ledger_claimed'),"
                           " 0)"));
    if (!claimed)
        return claimed.error();
    const auto last = scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) FROM ledger_entries"));
    if (!last)
        return last.error();
    return std::pair{*claimed, *last};
}

}  // namespace

ChangeApplier::ChangeApplier(const QSqlDatabase& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

ChangeApplier::~ChangeApplier() = default;

Result<AppliedPage> ChangeApplier::apply(const QJsonArray& changes, const QString& nextCursor, Commit commit)
{
    if (!m_open) {
        m_open = std::make_unique<Transaction>(m_db);
        if (auto begun = m_open->begin(); !begun) {
            m_open.reset();
            return begun.error();
        }
    }
    // No savepoint per page: under one, SQLite keeps every statement journal of the page until its
    // end, and releasing each statement got slower with the transaction's size. A failed page rolls
    // back the pages waiting with it too; their cursor goes with them, so the next pull fetches
    // them again.
    auto page = applyPage(changes, nextCursor);
    if (!page) {
        m_open.reset();
        return page.error();
    }
    if (commit == Commit::Now) {
        auto committed = m_open->commit();
        m_open.reset();
        if (!committed)
            return committed.error();
    }
    return page;
}

Result<AppliedPage> ChangeApplier::applyPage(const QJsonArray& changes, const QString& nextCursor)
{
    const QString now = m_clock.nowIso();

    SettingsRepository settings(m_db);
    const auto tillId = settings.value(QStringLiteral("till.id"));
    if (!tillId)
        return tillId.error();
    const auto claim = ledgerClaim(m_db);
    if (!claim)
        return claim.error();

    DeferredMemberSearch search(m_db);
    if (memberChanges(changes) >= kDeferSearchFrom) {
        if (auto deferred = search.begin(); !deferred)
            return deferred.error();
    }

    MemberIndex members(m_db);
    MemberChangeApplier people(m_db, members);
    AccountChangeApplier accounts(m_db, members, tillId->value_or(QString()));
    CatalogueChangeApplier catalogue(m_db, now);
    ProgrammeChangeApplier programmes(m_db, now);

    AppliedPage page;
    page.cursor = nextCursor.isNull() ? QStringLiteral("") : nextCursor;
    page.changes = int(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QJsonObject change = changes.at(i).toObject();
        const QString kind = change.value(QStringLiteral("kind")).toString();
        const ChangeFields data(change.value(QStringLiteral("data")).toObject(), int(i), kind);
        if (!change.value(QStringLiteral("data")).isObject())
            return data.malformed(QStringLiteral("data"), tr("is missing or not an object"));

        RefusedProgramme refused;
        Result<ChangeOutcome> outcome = ChangeOutcome::Unchanged;
        if (kind == kMemberChange)
            outcome = people.member(data);
        else if (kind == kCardChange)
            outcome = people.card(data);
        else if (kind == kLedgerChange)
            outcome = accounts.ledger(data);
        else if (kind == kSaleChange)
            outcome = accounts.sale(data);
        else if (kind == kCouponChange)
            outcome = accounts.coupon(data);
        else if (kind == kProductChange)
            outcome = catalogue.product(data);
        else if (kind == kProgrammeChange)
            outcome = programmes.programme(data, refused);
        else if (kind == kRevokedCardChange)
            outcome = catalogue.revokedCard(data);
        else if (kind == kCardKeyChange)
            outcome = catalogue.cardKey(data);
        else
            return data.malformed(QStringLiteral("kind"), tr("is not a kind of change this till knows"));
        if (!outcome)
            return outcome.error();
        switch (*outcome) {
        case ChangeOutcome::Applied:
            ++page.applied[kind];
            break;
        case ChangeOutcome::Unchanged:
            ++page.unchanged[kind];
            break;
        case ChangeOutcome::Refused:
            page.refusedProgrammes.append(refused);
            break;
        }
    }

    if (auto indexed = search.finish(); !indexed)
        return indexed.error();

    // Head office's entries need not be walked by the next event (OutboxRepository::append claims
    // the entries above the counter): when every local entry had been claimed before the page, the
    // counter may move past the page's entries too.
    if (claim->first == claim->second) {
        const auto after = ledgerClaim(m_db);
        if (!after)
            return after.error();
        if (after->second != claim->second) {
            QSqlQuery move(m_db);
            move.prepare(QStringLiteral("INSERT INTO till_counters (name, value) VALUES (?, ?)"
                                        " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
            move.bindValue(0, OutboxRepository::kLedgerClaimedCounter);
            move.bindValue(1, after->second);
            if (!move.exec())
                return StoreError::from(move.lastError());
        }
    }

    // A null QString would bind as SQL NULL; the setting holds text (empty: from the beginning).
    if (auto stored = settings.setValue(kCursorKey, nextCursor.isNull() ? QStringLiteral("") : nextCursor); !stored)
        return stored.error();
    return page;
}

}  // namespace loyalty::sync
