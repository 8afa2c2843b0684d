#pragma once

#include "common/Result.h"
#include "sync/apply/AppliedPage.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlDatabase>

#include <memory>

namespace loyalty {
class Clock;
class Transaction;
}  // namespace loyalty

namespace loyalty::sync {

// Applies pages of head office's change feed (GET /v1/changes, docs/sync-protocol.md) to the till
// database. A page and its cursor (setting sync.cursor) are committed in ONE transaction (with
// Commit::Later, together with the pages after it): after a crash or a cut the till either has the
// whole page and the cursor past it, or neither, so the next pull asks for the same page again. Every kind is keyed, so
// applying a page twice changes nothing the second time.
//
// A page is refused whole (an Error, nothing of it applied, the cursor unchanged) when a change
// is malformed or of an unknown kind, or a ledger, card, sale or coupon change names a member
// uuid the till does not have. A programme the till will not activate (forged, older, unreadable)
// does not stop the page: it is reported in AppliedPage::refusedProgrammes and kept in the setting
// kRefusedProgrammeKey.
//
// Built for the provisioning snapshot (a million members in pages of 1000–5000): the statements
// are prepared once per page, every change is one or two lookups through a unique index.
class ChangeApplier final
{
    Q_DECLARE_TR_FUNCTIONS(ChangeApplier)

public:
    // JSON {"version", "reason", "message", "at"} of the last programme refused, for the status.
    static inline const QString kRefusedProgrammeKey = QStringLiteral("sync.programme_refused");

    // When a page is committed. Later: the page is applied (and its cursor stored) in a
    // transaction left open for the next pages, so a snapshot commits once per many pages instead
    // of rewriting the same index pages at every commit; a refused page rolls back with the pages
    // waiting before it (and their cursor). Now commits the page and the pages waiting.
    enum class Commit
    {
        Now,
        Later
    };

    ChangeApplier(const QSqlDatabase& db, const Clock& clock);
    ~ChangeApplier();  // rolls back pages applied with Commit::Later and not committed since
    Q_DISABLE_COPY_MOVE(ChangeApplier)

    // `changes` as the feed sends them ([{"kind": …, "data": {…}}, …]); `nextCursor` the
    // response's cursor, stored with the page.
    Result<AppliedPage> apply(const QJsonArray& changes, const QString& nextCursor, Commit commit = Commit::Now);

private:
    Result<AppliedPage> applyPage(const QJsonArray& changes, const QString& nextCursor);

    QSqlDatabase m_db;
    const Clock& m_clock;
    std::unique_ptr<Transaction> m_open;  // the transaction of pages applied with Commit::Later
};

}  // namespace loyalty::sync
