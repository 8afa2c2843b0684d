#include "FaultProxyWorker.h"

#include "FaultProxy.h"
#include "FaultProxyConnection.h"

FaultProxyWorker::FaultProxyWorker(FaultProxy& proxy)
    : m_proxy(proxy)
{
}

bool FaultProxyWorker::listen(quint16 port)
{
    if (m_server && m_server->isListening())
        return true;
    delete m_server;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxyWorker::accept);
    if (!m_server->listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

void FaultProxyWorker::closeAll()
{
    if (m_server)
        m_server->close();
    for (FaultProxyConnection* connection : findChildren<FaultProxyConnection*>(Qt::FindDirectChildrenOnly))
        connection->cut();
}

void FaultProxyWorker::accept()
{
    while (QTcpSocket* client = m_server->nextPendingConnection()) {
        m_proxy.count(&FaultProxy::Stats::connections);
        new FaultProxyConnection(m_proxy, client, this);
    }
}
