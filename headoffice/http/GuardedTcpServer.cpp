#include "http/GuardedTcpServer.h"

#include <QTcpSocket>

namespace loyalty::hq {

GuardedTcpServer::GuardedTcpServer(std::function<void(QTcpSocket*)> attach, QObject* parent)
    : QTcpServer(parent)
    , m_attach(std::move(attach))
{
}

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    m_attach(socket);
    addPendingConnection(socket);
}

}  // namespace loyalty::hq
