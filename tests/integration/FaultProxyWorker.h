#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>

class FaultProxy;

// The part of FaultProxy that lives in the proxy's thread: the listening socket and every connection.
class FaultProxyWorker final : public QObject
{
    Q_OBJECT

public:
    explicit FaultProxyWorker(FaultProxy& proxy);

    Q_INVOKABLE bool listen(quint16 port);
    Q_INVOKABLE void closeAll();
    Q_INVOKABLE quint16 serverPort() const { return m_port; }

private:
    void accept();

    FaultProxy& m_proxy;
    QTcpServer* m_server = nullptr;
    quint16 m_port = 0;
};
