#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

class FaultProxy;

// One till connection and the head-office connection behind it; one request in flight at a time.
class FaultProxyConnection final : public QObject
{
    Q_OBJECT

public:
    FaultProxyConnection(FaultProxy& proxy, QTcpSocket* client, QObject* parent);
    void cut();

private:
    void clientReadable();
    void nextRequest();
    void forward(const QByteArray& request);
    void upstreamReadable();
    void upstreamGone();
    void deliver(const QByteArray& response);
    void answer(int status, const QByteArray& reason, const QByteArray& extraHeaders, const QByteArray& body);

    FaultProxy& m_proxy;
    QTcpSocket* m_client;
    QPointer<QTcpSocket> m_upstream;
    QByteArray m_fromClient;
    QByteArray m_fromUpstream;
    bool m_busy = false;  // a request is being handled (or held)
    int m_fault = 0;      // FaultProxy::Fault of the request in flight
    int m_delayMs = 0;
    bool m_cut = false;
};
