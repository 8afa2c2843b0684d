#include "sync/client/SyncWorkerThread.h"

namespace loyalty::sync {

SyncWorkerThread::SyncWorkerThread(SyncWorker::Options options, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_worker(new SyncWorker(std::move(options), clock))
{
    m_thread.setObjectName(QStringLiteral("loyalty-sync"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, &SyncWorker::start);
    // Deleted in its own thread as the thread ends, so its database connection closes there.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::statusChanged, this, &SyncWorkerThread::statusChanged);
}

SyncWorkerThread::~SyncWorkerThread()
{
    stop();
    if (!m_started)
        delete m_worker;  // never moved into a running thread, so deleteLater would never run
}

void SyncWorkerThread::start()
{
    if (m_started)
        return;
    m_started = true;
    m_thread.start();
}

void SyncWorkerThread::stop()
{
    if (!m_thread.isRunning())
        return;
    // Quitting ends every event loop of the thread, including the one a request waits in: the
    // request is aborted, the round stops, and nothing half-done is left (all state is in the database).
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void SyncWorkerThread::wake()
{
    if (m_thread.isRunning() && !m_thread.isInterruptionRequested())
        QMetaObject::invokeMethod(m_worker, &SyncWorker::wake, Qt::QueuedConnection);
}

}  // namespace loyalty::sync
