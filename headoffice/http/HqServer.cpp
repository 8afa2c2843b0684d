#include "http/HqServer.h"

#include "http/ApiRequest.h"
#include "http/ApiResponse.h"
#include "http/ConnectionGuard.h"
#include "http/GuardedTcpServer.h"
#include "http/RequestAuthenticator.h"
#include "http/SnapshotRoute.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace loyalty::hq {

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

// TLS handshakes that stall are dropped after this long, so half-open clients do not pile up.
constexpr int kHandshakeTimeoutMilliseconds = 10'000;
// Connections the kernel queues before they are accepted (capped by net.core.somaxconn).
constexpr int kListenBacklog = 1024;

QByteArray loggedPath(const QUrl& url)
{
    // Fully encoded, so a path can never break the one-line-per-request log.
    return url.path(QUrl::FullyEncoded).toUtf8().left(200);
}

}  // namespace

HqServer::HqServer(HeadOfficeApi& office, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_endpoints(office, clock)
    , m_idleMilliseconds(ConnectionGuard::kDefaultIdleMilliseconds)
    , m_workers(clock)
{
    addRoute(sync::kProvisionPath, Allowed::Post, &HqEndpoints::provision);
    addRoute(sync::kEventsPath, Allowed::Post, &HqEndpoints::events);
    addRoute(sync::kChangesPath, Allowed::Get, &HqEndpoints::changes);
    addRoute(sync::kStatusPath, Allowed::Get, &HqEndpoints::status);
    new SnapshotRoute(
        m_http, office, clock,
        [this](const QByteArray& method, const QByteArray& path, int status, qint64 ms) {
            logRequest(method, path, status, ms);
        },
        this);
    m_http.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        QElapsedTimer timer;
        timer.start();
        const QHttpServerResponse response = ApiResponse::error(ApiResponse::notFound(), m_clock);
        response.write(std::move(responder));
        logRequest(RequestAuthenticator::methodName(request), loggedPath(request.url()), int(response.statusCode()),
                   timer.elapsed());
    });
}

HqServer::~HqServer() = default;

void HqServer::setTlsIdentity(const QList<QSslCertificate>& certificateChain, const QSslKey& privateKey)
{
    m_certificateChain = certificateChain;
    m_privateKey = privateKey;
}

void HqServer::setRequestLog(RequestLog log)
{
    m_log = std::move(log);
}

Result<Done> HqServer::useWorkers(HqWorkerPool::OfficeFactory factory, int workers)
{
    return m_workers.start(std::move(factory), workers);
}

void HqServer::addRoute(const QString& path, Allowed allowed, Endpoint endpoint)
{
    // Every method is routed here, so a known path with the wrong method answers 405, not 404.
    m_http.route(path, QHttpServerRequest::Method::AnyKnown,
                 [this, allowed, endpoint](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                     dispatch(request, std::move(responder), allowed, endpoint);
                 });
}

std::optional<QHttpServerResponse> HqServer::refusal(const QHttpServerRequest& request, Allowed allowed) const
{
    // Size first: nothing of an oversized request is looked at. (ConnectionGuard normally refuses
    // it from its headers before the body is even read; this is the backstop.)
    bool hasLength = false;
    const qint64 declared = request.value(QByteArrayLiteral("Content-Length")).toLongLong(&hasLength);
    if ((hasLength && declared > sync::kMaxBodyBytes) || request.body().size() > sync::kMaxBodyBytes)
        return ApiResponse::error(ApiResponse::tooLarge(), m_clock);

    const auto wanted = allowed == Allowed::Get ? QHttpServerRequest::Method::Get : QHttpServerRequest::Method::Post;
    if (request.method() != wanted) {
        QHttpServerResponse refused = ApiResponse::error(ApiResponse::methodNotAllowed(), m_clock);
        refused.setHeader(QByteArrayLiteral("Allow"),
                          allowed == Allowed::Get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST"));
        return refused;
    }
    return std::nullopt;
}

void HqServer::dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder, Allowed allowed,
                        Endpoint endpoint)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray method = RequestAuthenticator::methodName(request);
    const QByteArray path = loggedPath(request.url());
    if (auto refused = refusal(request, allowed)) {
        refused->write(std::move(responder));
        logRequest(method, path, int(refused->statusCode()), timer.elapsed());
        return;
    }
    ApiRequest copy = ApiRequest::from(request);
    if (!m_workers.isRunning() || endpoint == &HqEndpoints::status) {
        const QHttpServerResponse response = (m_endpoints.*endpoint)(copy);
        response.write(std::move(responder));
        logRequest(method, path, int(response.statusCode()), timer.elapsed());
        return;
    }

    // The worker answers through this thread, which owns the socket. The responder writes to the
    // socket it was made for, so it is only used while that socket exists.
    const QPointer<QTcpSocket> socket = responder.socket();
    const QPointer<ConnectionGuard> guard =
        socket ? socket->findChild<ConnectionGuard*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (guard)
        guard->requestStarted();
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    m_workers.submit(
        [copy = std::move(copy), endpoint](const HqEndpoints& endpoints) { return (endpoints.*endpoint)(copy); }, this,
        [this, held, socket, guard, method, path, timer](QHttpServerResponse&& response) {
            if (guard)
                guard->requestFinished();
            if (socket)
                response.write(std::move(*held));
            logRequest(method, path, int(response.statusCode()), timer.elapsed());
        },
        endpoint == &HqEndpoints::events);
}

void HqServer::logRequest(const QByteArray& method, const QByteArray& path, int status, qint64 milliseconds) const
{
    if (!m_log)
        return;
    m_log(QStringLiteral("%1 %2 %3 %4 %5 ms")
              .arg(m_clock.now().toUTC().toString(Qt::ISODateWithMs), QString::fromLatin1(method),
                   QString::fromLatin1(path))
              .arg(status)
              .arg(milliseconds));
}

void HqServer::attachGuard(QTcpSocket* socket)
{
    new ConnectionGuard(
        socket, m_clock,
        [this](const QByteArray& method, const QByteArray& path, int status) {
            logRequest(method.isEmpty() ? QByteArrayLiteral("-") : method,
                       path.isEmpty() ? QByteArrayLiteral("-") : path, status, 0);
        },
        m_idleMilliseconds);
}

void HqServer::shutDown()
{
    const QList<QTcpServer*> servers = m_http.servers();
    for (QTcpServer* server : servers)
        server->close();
    // Every request already taken is finished and answered before the sockets are flushed.
    m_workers.stop();
    QCoreApplication::sendPostedEvents(this);
    for (QTcpServer* server : servers) {
        const QList<QTcpSocket*> sockets = server->findChildren<QTcpSocket*>();
        for (QTcpSocket* socket : sockets)
            socket->flush();
    }
}

Result<quint16> HqServer::listen(const QHostAddress& address, quint16 port)
{
    QTcpServer* server = nullptr;
    if (isTls()) {
        auto* sslServer = new QSslServer(this);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(m_certificateChain);
        configuration.setPrivateKey(m_privateKey);
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);  // tills authenticate by signature
        sslServer->setSslConfiguration(configuration);
        sslServer->setHandshakeTimeout(kHandshakeTimeoutMilliseconds);
        connect(sslServer, &QSslServer::startedEncryptionHandshake, this, &HqServer::attachGuard);
        server = sslServer;
    } else {
        server = new GuardedTcpServer([this](QTcpSocket* socket) { attachGuard(socket); }, this);
    }
    // Hundreds of tills may connect at the same moment (after an outage): the default backlog of 50
    // overflows, and the kernel then drops or resets the connections beyond it.
    server->setListenBacklogSize(kListenBacklog);
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return Error{Error::Code::Refused,
                     tr("Head office cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(reason),
                     QStringLiteral("listen_failed")};
    }
    m_http.bind(server);
    return server->serverPort();
}

}  // namespace loyalty::hq
