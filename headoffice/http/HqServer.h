#pragma once

#include "common/Result.h"
#include "http/ConnectionGuard.h"
#include "http/HqEndpoints.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

class QTcpServer;

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HeadOfficeApi;

// Head office's HTTP/JSON API (docs/sync-protocol.md) on Qt HTTP Server: HTTPS when given a
// certificate and key, plain HTTP otherwise (ServeOptions allows that only on loopback).
// Every request is logged in one line: method, path without query, status, milliseconds.
class HqServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HqServer)

public:
    using RequestLog = std::function<void(const QString& line)>;

    HqServer(HeadOfficeApi& office, const Clock& clock, QObject* parent = nullptr);
    ~HqServer() override;

    // Before listen(): serve HTTPS with this certificate (then its chain, if any) and key.
    void setTlsIdentity(const QList<QSslCertificate>& certificateChain, const QSslKey& privateKey);
    void setRequestLog(RequestLog log);
    // How long a connection may stay silent before it is closed (ConnectionGuard).
    void setIdleTimeout(int milliseconds) { m_idleMilliseconds = milliseconds; }

    // The port it listens on (the one picked when `port` is 0).
    Result<quint16> listen(const QHostAddress& address, quint16 port);
    bool isTls() const { return !m_certificateChain.isEmpty(); }
    // Stops accepting connections and hands every answer already given to the kernel, so a
    // shutdown right after a request does not swallow its response.
    void shutDown();

private:
    enum class Allowed
    {
        Get,
        Post
    };
    using Endpoint = QHttpServerResponse (HqEndpoints::*)(const QHttpServerRequest&) const;

    void addRoute(const QString& path, Allowed allowed, Endpoint endpoint);
    QHttpServerResponse dispatch(const QHttpServerRequest& request, Allowed allowed, Endpoint endpoint) const;
    void logRequest(const QByteArray& method, const QByteArray& path, int status, qint64 milliseconds) const;
    void attachGuard(QTcpSocket* socket);

    const Clock& m_clock;
    HqEndpoints m_endpoints;
    QHttpServer m_http;
    QList<QSslCertificate> m_certificateChain;
    QSslKey m_privateKey;
    RequestLog m_log;
    int m_idleMilliseconds;
};

}  // namespace loyalty::hq
