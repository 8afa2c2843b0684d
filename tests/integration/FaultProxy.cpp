#include "FaultProxy.h"

#include "FaultProxyWorker.h"

#include <QMutexLocker>
#include <QThread>

FaultProxy::FaultProxy(quint16 upstreamPort)
    : m_upstreamPort(upstreamPort)
{
}

FaultProxy::~FaultProxy()
{
    if (m_thread) {
        QMetaObject::invokeMethod(m_worker, &FaultProxyWorker::closeAll, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        delete m_worker;
    }
}

bool FaultProxy::start(quint16 port)
{
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("fault-proxy"));
    m_worker = new FaultProxyWorker(*this);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    bool listening = false;
    QMetaObject::invokeMethod(m_worker, "listen", Qt::BlockingQueuedConnection, Q_RETURN_ARG(bool, listening),
                              Q_ARG(quint16, port));
    if (!listening) {
        m_error = QStringLiteral("the fault proxy cannot listen on 127.0.0.1:%1").arg(port);
        return false;
    }
    quint16 chosen = 0;
    QMetaObject::invokeMethod(m_worker, "serverPort", Qt::BlockingQueuedConnection, Q_RETURN_ARG(quint16, chosen));
    m_port = chosen;
    return true;
}

void FaultProxy::setRule(const Rule& rule)
{
    QMutexLocker lock(&m_mutex);
    m_rule = rule;
    m_remaining = rule.times;
    m_toSkip = rule.skip;
}

bool FaultProxy::setRefusing(bool refusing)
{
    if (refusing) {
        QMetaObject::invokeMethod(m_worker, &FaultProxyWorker::closeAll, Qt::BlockingQueuedConnection);
        return true;
    }
    bool listening = false;
    QMetaObject::invokeMethod(m_worker, "listen", Qt::BlockingQueuedConnection, Q_RETURN_ARG(bool, listening),
                              Q_ARG(quint16, m_port));
    return listening;
}

void FaultProxy::setUpstreamPort(quint16 port)
{
    QMutexLocker lock(&m_mutex);
    m_upstreamPort = port;
}

FaultProxy::Stats FaultProxy::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

QList<QByteArray> FaultProxy::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

FaultProxy::Rule FaultProxy::takeRule(const QByteArray& path, const QByteArray& rawRequest)
{
    QMutexLocker lock(&m_mutex);
    ++m_stats.requests;
    m_requests.append(rawRequest);
    if (m_rule.fault == Fault::Pass || m_remaining == 0 || !path.startsWith(m_rule.pathPrefix))
        return Rule{};
    if (m_toSkip > 0) {
        --m_toSkip;
        return Rule{};
    }
    if (m_remaining > 0)
        --m_remaining;
    ++m_stats.faults;
    return m_rule;
}

void FaultProxy::count(int Stats::*field)
{
    QMutexLocker lock(&m_mutex);
    ++(m_stats.*field);
}
