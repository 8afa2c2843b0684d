#include "http/HqServer.h"

#include "http/ApiResponse.h"
#include "http/ConnectionGuard.h"
#include "http/GuardedTcpServer.h"
#include "http/RequestAuthenticator.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/Clock.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
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
{
    addRoute(sync::kProvisionPath, Allowed::Post, &HqEndpoints::provision);
    addRoute(sync::kEventsPath, Allowed::Post, &HqEndpoints::events);
    addRoute(sync::kChangesPath, Allowed::Get, &HqEndpoints::changes);
    addRoute(sync::kStatusPath, Allowed::Get, &HqEndpoints::status);
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

void HqServer::addRoute(const QString& path, Allowed allowed, Endpoint endpoint)
{
    // Every method is routed here, so a known path with the wrong method answers 405, not 404.
    m_http.route(
        path, QHttpServerRequest::Method::AnyKnown,
        [this, allowed, endpoint](const QHttpServerRequest& request) { return dispatch(request, allowed, endpoint); });
}

QHttpServerResponse HqServer::dispatch(const QHttpServerRequest& request, Allowed allowed, Endpoint endpoint) const
{
    QElapsedTimer timer;
    timer.start();
    QHttpServerResponse response = [&] {
        // Size first: nothing of an oversized request is looked at. (ConnectionGuard normally refuses
        // it from its headers before the body is even read; this is the backstop.)
        bool hasLength = false;
        const qint64 declared = request.value(QByteArrayLiteral("Content-Length")).toLongLong(&hasLength);
        if ((hasLength && declared > sync::kMaxBodyBytes) || request.body().size() > sync::kMaxBodyBytes)
            return ApiResponse::error(ApiResponse::tooLarge(), m_clock);

        const auto wanted =
            allowed == Allowed::Get ? QHttpServerRequest::Method::Get : QHttpServerRequest::Method::Post;
        if (request.method() != wanted) {
            QHttpServerResponse refusal = ApiResponse::error(ApiResponse::methodNotAllowed(), m_clock);
            refusal.setHeader(QByteArrayLiteral("Allow"),
                              allowed == Allowed::Get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST"));
            return refusal;
        }
        return (m_endpoints.*endpoint)(request);
    }();
    logRequest(RequestAuthenticator::methodName(request), loggedPath(request.url()), int(response.statusCode()),
               timer.elapsed());
    return response;
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
    for (QTcpServer* server : servers) {
        server->close();
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
