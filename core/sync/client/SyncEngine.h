#pragma once

#include "common/Result.h"
#include "sync/apply/AppliedPage.h"
#include "sync/apply/ChangeApplier.h"
#include "sync/client/OutboxQueue.h"
#include "sync/client/SyncRoundReport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlDatabase>

#include <functional>

namespace loyalty {
class Clock;
}

namespace loyalty::sync {

class SyncClient;

// One sync round (docs/sync-protocol.md): push every pending outbox event in batches, then pull
// the change feed page by page until head office has no more. All progress is in the database —
// the outbox states and the cursor stored with each applied page — so a round cut anywhere (a
// crash, a kill, a lost connection) resumes exactly there on the next round; nothing is kept in memory.
class SyncEngine final
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    // Applies one page and stores the page's cursor, in one transaction (ChangeApplier::apply);
    // Commit::Later may leave that transaction open for the next pages.
    using PageApplier = std::function<Result<AppliedPage>(const QJsonArray& changes, const QString& nextCursor,
                                                          ChangeApplier::Commit commit)>;
    // Called after every applied page: changes pulled in this round so far, and head office's remaining.
    using Progress = std::function<void(qint64 pulled, qint64 remaining)>;
    // Called after every push batch: events settled (acknowledged or rejected) in this round so far.
    using PushProgress = std::function<void(qint64 settled)>;

    struct Options
    {
        int pushBatch = 500;
        int pullLimit = 1000;
        // Payload bytes per push batch: half the contract's body limit leaves room for the envelope.
        qint64 maxBatchBytes = 4 * 1024 * 1024;
        // Pages pulled are committed together until this many changes are waiting (0: every page
        // alone). A provisioning snapshot uses it: each commit rewrites the index pages it touched,
        // so a million members in pages of 5000 wrote the same pages hundreds of times. A cut
        // loses at most this many changes, which the next pull fetches again from the cursor.
        qint64 changesPerCommit = 0;
    };

    SyncEngine(const QSqlDatabase& db, const Clock& clock, SyncClient& client, PageApplier applier);
    SyncEngine(const QSqlDatabase& db, const Clock& clock, SyncClient& client, PageApplier applier, Options options);

    // The till's own applier: a ChangeApplier over `db` (which both must outlive).
    static PageApplier changeApplier(const QSqlDatabase& db, const Clock& clock);

    // A storage failure is an error; anything head office (or the network) did is in the report.
    Result<SyncRoundReport> runRound(const Progress& progress = {});
    // For a long backlog the status line counts down while the round runs.
    void setPushProgress(PushProgress progress) { m_pushProgress = std::move(progress); }

    // Only the pull half: provisioning's snapshot.
    Result<SyncRoundReport> pullAll(const Progress& progress = {});

private:
    enum class Step
    {
        Continue,
        Stop
    };
    Result<Step> pushAll(SyncRoundReport& report);
    Result<Step> pushBatch(const QList<OutboxEvent>& events, SyncRoundReport& report);
    Result<Step> pull(SyncRoundReport& report, const Progress& progress);
    // `cursor`: the last page's cursor applied; `waiting`: changes applied but not committed.
    Result<Step> pullPages(SyncRoundReport& report, const Progress& progress, QString& cursor, qint64& waiting);
    Result<Done> finishRound(SyncRoundReport& report);
    // Sends, and sends once more at once after "replayed" (a resend by the HTTP stack) or after a
    // clock_skew answer, having corrected the clock offset.
    Result<SyncReply> withClockCorrection(const std::function<SyncReply()>& send);
    static void stopOn(const SyncReply& reply, SyncRoundReport& report);
    static QByteArray envelope(const QList<OutboxEvent>& events);

    QSqlDatabase m_db;
    const Clock& m_clock;
    SyncClient& m_client;
    PageApplier m_applier;
    PushProgress m_pushProgress;
    Options m_options;
    OutboxQueue m_queue;
};

}  // namespace loyalty::sync
