#pragma once

#include "sync/client/SyncStatus.h"
#include "sync/client/SyncWorker.h"

#include <QObject>
#include <QThread>

namespace loyalty::sync {

// Owns the sync worker's thread for the application: starts it, forwards wake-ups to it and
// status from it, and stops it cleanly (the request in flight is abandoned, the thread joined,
// the worker's database connection closed in its own thread).
class SyncWorkerThread final : public QObject
{
    Q_OBJECT

public:
    SyncWorkerThread(SyncWorker::Options options, const Clock& clock, QObject* parent = nullptr);
    ~SyncWorkerThread() override;
    Q_DISABLE_COPY_MOVE(SyncWorkerThread)

    void start();
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

public Q_SLOTS:
    // After a sale: tells the worker (in its thread) to sync now.
    void wake();

Q_SIGNALS:
    void statusChanged(const loyalty::sync::SyncStatus& status);

private:
    QThread m_thread;
    SyncWorker* m_worker;
    bool m_started = false;
};

}  // namespace loyalty::sync
