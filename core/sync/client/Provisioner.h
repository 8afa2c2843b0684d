#pragma once

#include "common/Result.h"
#include "sync/client/SyncEndpoint.h"
#include "sync/client/SyncEngine.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QUrl>

namespace loyalty {
class Clock;
}

namespace loyalty::sync {

class SyncClient;

// Connects a till to head office (POST /v1/provision) and pulls the full snapshot page by page.
// The credentials are stored in one transaction before the first page, and each page with its
// cursor, so a cut provisioning continues where it stopped: run again, a till that already has
// its secret does not spend a new code but carries on with the snapshot.
class Provisioner final
{
    Q_DECLARE_TR_FUNCTIONS(Provisioner)

public:
    struct Request
    {
        QUrl hq;
        QString code;
        QString caFile;
        QString pin;
        bool allowPlainLoopback = false;
        QString tillName;  // empty: the till's current name
        int timeoutMs = 0;
    };

    struct Report
    {
        QString tillId;
        QString tillName;
        bool continued = false;  // the till had its credentials already; no code was used
        qint64 changesApplied = 0;
        qint64 members = 0;
        SyncRoundReport snapshot;  // complete, or where and why the pull stopped
        // Whether the till started from head office's snapshot file (GET /v1/snapshot) and, when
        // not, why (the Error's reason: "till_not_empty", "no_snapshot", "snapshot_invalid", …).
        bool snapshotUsed = false;
        QString snapshotSkipped;
        QString snapshotSkippedMessage;
        qint64 snapshotBytes = 0;
    };

    // Builds the page applier for the till database (ChangeApplier over `db`).
    using ApplierFactory = std::function<SyncEngine::PageApplier(const QSqlDatabase& db)>;

    Provisioner(const QSqlDatabase& db, const Clock& clock, ApplierFactory applierFactory);

    // An Error for a refused code (Refused, reason "bad_code"), an unusable address or certificate
    // (reason "hq_unreachable" when head office could not be reached at all) and storage failures.
    // A snapshot cut after the credentials were stored is not an error: see Report::snapshot.
    Result<Report> run(const Request& request, const SyncEngine::Progress& progress = {});

    static constexpr int kSnapshotPageLimit = 5000;
    // Pages of the snapshot committed together (SyncEngine::Options::changesPerCommit).
    static constexpr qint64 kSnapshotChangesPerCommit = 100'000;

private:
    Result<SyncEndpoint> provision(const Request& request, Report& report);
    Result<Done> store(const Request& request, const QString& tillId, const QString& tillName, const QByteArray& secret,
                       const QString& publicKey);
    Result<qint64> memberCount() const;
    // Downloads, verifies and adopts the snapshot on a till with nothing in it; any failure leaves
    // the till as it was and is only reported: the paged feed then does the work.
    void adoptSnapshot(SyncClient& client, Report& report);

    QSqlDatabase m_db;
    const Clock& m_clock;
    ApplierFactory m_applierFactory;
};

}  // namespace loyalty::sync
