#include "FaultProxyConnection.h"

#include "FaultProxy.h"
#include "HttpMessage.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QTimer>

FaultProxyConnection::FaultProxyConnection(FaultProxy& proxy, QTcpSocket* client, QObject* parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_client(client)
{
    m_client->setParent(this);
    connect(m_client, &QTcpSocket::readyRead, this, &FaultProxyConnection::clientReadable);
    connect(m_client, &QTcpSocket::disconnected, this, &FaultProxyConnection::cut);
    connect(m_client, &QTcpSocket::errorOccurred, this, &FaultProxyConnection::cut);
}

void FaultProxyConnection::cut()
{
    if (m_cut)
        return;
    m_cut = true;
    if (m_upstream)
        m_upstream->abort();
    m_client->abort();
    deleteLater();
}

void FaultProxyConnection::clientReadable()
{
    m_fromClient += m_client->readAll();
    nextRequest();
}

void FaultProxyConnection::nextRequest()
{
    if (m_busy)
        return;
    const qsizetype length = HttpMessage::completeLength(m_fromClient, false);
    if (length < 0)
        return;
    const QByteArray request = m_fromClient.left(length);
    m_fromClient.remove(0, length);
    const FaultProxy::Rule rule = m_proxy.takeRule(HttpMessage::target(request), request);
    m_busy = true;
    m_fault = int(rule.fault);
    m_delayMs = rule.delayMs;
    switch (rule.fault) {
    case FaultProxy::Fault::DropRequest:
        cut();
        return;
    case FaultProxy::Fault::Answer500:
        answer(500, "Internal Server Error", {},
               R"({"error":"internal","message":"injected by the test proxy","server_time":")" +
                   QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + "\"}");
        return;
    case FaultProxy::Fault::Answer429:
        answer(429, "Too Many Requests", "Retry-After: " + QByteArray::number(rule.retryAfterSeconds) + "\r\n",
               R"({"error":"busy","message":"injected by the test proxy","server_time":")" +
                   QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + "\"}");
        return;
    case FaultProxy::Fault::Hold:
        return;  // busy for good: nothing more is read or answered on this connection
    default:
        forward(request);
        return;
    }
}

void FaultProxyConnection::forward(const QByteArray& request)
{
    if (!m_upstream || m_upstream->state() == QAbstractSocket::UnconnectedState) {
        delete m_upstream;
        m_upstream = new QTcpSocket(this);
        m_fromUpstream.clear();
        connect(m_upstream, &QTcpSocket::readyRead, this, &FaultProxyConnection::upstreamReadable);
        connect(m_upstream, &QTcpSocket::disconnected, this, &FaultProxyConnection::upstreamGone);
        connect(m_upstream, &QTcpSocket::errorOccurred, this, &FaultProxyConnection::upstreamGone);
        quint16 port = 0;
        {
            QMutexLocker lock(&m_proxy.m_mutex);
            port = m_proxy.m_upstreamPort;
        }
        m_upstream->connectToHost(QHostAddress::LocalHost, port);
    }
    // Buffered by the socket until the connection is up.
    m_upstream->write(request);
    m_proxy.count(&FaultProxy::Stats::forwarded);
}

void FaultProxyConnection::upstreamReadable()
{
    m_fromUpstream += m_upstream->readAll();
    const qsizetype length = HttpMessage::completeLength(m_fromUpstream, true);
    if (length < 0 || !m_busy)
        return;
    const QByteArray response = m_fromUpstream.left(length);
    m_fromUpstream.remove(0, length);
    switch (FaultProxy::Fault(m_fault)) {
    case FaultProxy::Fault::DropResponse:
        cut();
        return;
    case FaultProxy::Fault::CutResponse: {
        const qsizetype head = HttpMessage::headLength(response);
        m_client->write(response.left(head + (response.size() - head) / 2));
        m_client->flush();
        if (m_upstream)
            m_upstream->abort();
        // Closes after the partial answer is written: the till sees a response that stops short.
        m_client->disconnectFromHost();
        return;
    }
    case FaultProxy::Fault::HoldAfterForward:
        return;
    case FaultProxy::Fault::Delay:
        QTimer::singleShot(m_delayMs, this, [this, response] { deliver(response); });
        return;
    default:
        deliver(response);
        return;
    }
}

void FaultProxyConnection::deliver(const QByteArray& response)
{
    m_client->write(response);
    m_busy = false;
    if (HttpMessage::header(response.left(HttpMessage::headLength(response)), "connection").toLower() == "close") {
        m_client->disconnectFromHost();
        return;
    }
    nextRequest();
}

void FaultProxyConnection::upstreamGone()
{
    // Head office went away (killed, stopped, refused) while the till waited: the till sees it too.
    if (m_busy && FaultProxy::Fault(m_fault) != FaultProxy::Fault::HoldAfterForward)
        cut();
}

void FaultProxyConnection::answer(int status, const QByteArray& reason, const QByteArray& extraHeaders,
                                  const QByteArray& body)
{
    m_client->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n" + extraHeaders +
                    "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                    "\r\nConnection: close\r\n\r\n" + body);
    m_client->disconnectFromHost();
}
