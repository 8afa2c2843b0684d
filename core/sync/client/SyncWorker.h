#pragma once

#include "sync/client/Backoff.h"
#include "sync/client/SyncStatus.h"

#include <QObject>

#include <memory>

class QTimer;

namespace loyalty {
class Clock;
class Database;
}  // namespace loyalty

namespace loyalty::sync {

// Runs sync rounds in its own thread with its OWN database connection (QtSql connections belong
// to the thread that opened them): every few seconds, at once when woken after a sale, backing
// off after failures. It reports a SyncStatus after every round and every provisioning page. The
// cashier's thread only ever receives those signals; it never waits on the network.
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString databasePath;
        int intervalMs = 5000;  // between successful rounds
        int timeoutMs = 30'000;
        int pullLimit = 1000;  // small pages keep the write lock short while the cashier sells
    };

    // `clock` must be safe to read from another thread (SystemClock is).
    SyncWorker(Options options, const Clock& clock);
    ~SyncWorker() override;
    Q_DISABLE_COPY_MOVE(SyncWorker)

public Q_SLOTS:
    // In the worker's thread: opens the database and runs the first round.
    void start();
    // A sale was committed: sync now, unless backing off after a failure.
    void wake();

Q_SIGNALS:
    void statusChanged(const loyalty::sync::SyncStatus& status);

private:
    void runRound();
    void schedule(qint64 delayMs);
    void refreshCounts();

    Options m_options;
    const Clock& m_clock;
    std::unique_ptr<Database> m_database;
    QTimer* m_timer = nullptr;
    Backoff m_backoff;
    int m_failures = 0;
    bool m_running = false;
    bool m_wakeAgain = false;
    SyncStatus m_status;
};

}  // namespace loyalty::sync
