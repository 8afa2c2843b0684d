#pragma once

#include "common/Result.h"
#include "http/ConnectionGuard.h"
#include "http/HqEndpoints.h"
#include "http/HqWorkerPool.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>
#include <optional>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HeadOfficeApi;

// Head office's HTTP/JSON API (docs/sync-protocol.md) on Qt HTTP Server: HTTPS when given a
// certificate and key, plain HTTP otherwise (ServeOptions allows that only on loopback).
// Every request is logged in one line: method, path without query, status, milliseconds.
//
// By default every request is answered in this thread on the head office it was given (tests).
// With useWorkers() (loyalty-hq serve) this thread only reads requests, refuses what is too large or
// sent with the wrong method, and writes the answers; what needs storage — authentication
// included — runs in an HqWorkerPool, each worker on its own head office, and is answered when its
// transactions have committed.
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
    // Before listen(): do the storage work on `workers` threads, each with the head office
    // `factory` opens in it; the head office given to the constructor then answers nothing.
    Result<Done> useWorkers(HqWorkerPool::OfficeFactory factory, int workers);

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
    using Endpoint = QHttpServerResponse (HqEndpoints::*)(const ApiRequest&) const;

    void addRoute(const QString& path, Allowed allowed, Endpoint endpoint);
    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder, Allowed allowed,
                  Endpoint endpoint);
    // The answer to a request refused before any endpoint sees it (size, method), if it is one.
    std::optional<QHttpServerResponse> refusal(const QHttpServerRequest& request, Allowed allowed) const;
    void logRequest(const QByteArray& method, const QByteArray& path, int status, qint64 milliseconds) const;
    void attachGuard(QTcpSocket* socket);

    const Clock& m_clock;
    HqEndpoints m_endpoints;
    QHttpServer m_http;
    QList<QSslCertificate> m_certificateChain;
    QSslKey m_privateKey;
    RequestLog m_log;
    int m_idleMilliseconds;
    // Last: stopped (its queue done, its threads joined) before anything it answers to goes away.
    HqWorkerPool m_workers;
};

}  // namespace loyalty::hq
