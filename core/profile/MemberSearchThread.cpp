#include "profile/MemberSearchThread.h"

#include "profile/MemberSearchWorker.h"

namespace loyalty {

MemberSearchThread::MemberSearchThread(const QString& databasePath, QObject* parent)
    : QObject(parent)
    , m_worker(new MemberSearchWorker(databasePath, m_latest))
{
    m_thread.setObjectName(QStringLiteral("member-search"));
    m_worker->moveToThread(&m_thread);
    // Deleted by the worker thread's own loop as it ends, so its connection closes in its thread.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MemberSearchThread::requested, m_worker, &MemberSearchWorker::search, Qt::QueuedConnection);
    connect(m_worker, &MemberSearchWorker::found, this, &MemberSearchThread::found, Qt::QueuedConnection);
    connect(m_worker, &MemberSearchWorker::failed, this, &MemberSearchThread::failed, Qt::QueuedConnection);
    m_thread.start();
}

MemberSearchThread::~MemberSearchThread()
{
    m_latest.storeRelease(~quint64(0));  // whatever is still queued is skipped
    m_thread.quit();
    m_thread.wait();
}

quint64 MemberSearchThread::request(const QString& query, qint64 cursor, int limit)
{
    const quint64 id = m_latest.fetchAndAddOrdered(1) + 1;
    Q_EMIT requested(id, query, cursor, limit);
    return id;
}

}  // namespace loyalty
