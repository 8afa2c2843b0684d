#include "http/SnapshotRoute.h"

#include "HeadOfficeApi.h"
#include "feed/TillSnapshotStore.h"
#include "http/ApiRequest.h"
#include "http/ApiResponse.h"
#include "sync/protocol/SyncProtocol.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

#include <memory>

namespace loyalty::hq {

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

// Blocks read from the file, and how much may wait in the socket's buffers before the next one:
// memory per download stays about 1.25 MiB however slow the till.
constexpr qint64 kBlockBytes = 256 * 1024;
constexpr qint64 kHighWaterBytes = 1024 * 1024;

// Feeds one open file into one socket as the socket drains, and deletes itself at the end (or with
// the socket: a till that goes away takes its stream with it). Qt HTTP Server 6.4's own
// QIODevice answer reads 512 bytes per event-loop pass and never waits for the socket to drain.
class SnapshotStream final : public QObject
{
public:
    SnapshotStream(std::unique_ptr<QFile> file, QTcpSocket* socket)
        : QObject(socket)
        , m_file(std::move(file))
        , m_socket(socket)
    {
        connect(socket, &QTcpSocket::bytesWritten, this, &SnapshotStream::fill);
        if (auto* tls = qobject_cast<QSslSocket*>(socket))
            connect(tls, &QSslSocket::encryptedBytesWritten, this, &SnapshotStream::fill);
    }
    Q_DISABLE_COPY_MOVE(SnapshotStream)

    void fill()
    {
        while (!m_file->atEnd() && buffered() < kHighWaterBytes) {
            const QByteArray block = m_file->read(kBlockBytes);
            if (block.isEmpty()) {
                // The file cannot be read: the till sees fewer bytes than Content-Length and refuses them.
                m_socket->abort();
                return;
            }
            if (m_socket->write(block) != block.size()) {
                m_socket->abort();
                return;
            }
        }
        if (m_file->atEnd())
            deleteLater();
    }

private:
    qint64 buffered() const
    {
        const auto* tls = qobject_cast<const QSslSocket*>(m_socket);
        return m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
    }

    std::unique_ptr<QFile> m_file;
    QTcpSocket* m_socket;
};

ApiError noSnapshot()
{
    return {StatusCode::NotFound, QStringLiteral("no_snapshot"),
            SnapshotRoute::tr("Head office has no till snapshot published; provision from the change feed.")};
}

ApiError staleSnapshot()
{
    return {StatusCode::NotFound, QStringLiteral("no_snapshot"),
            SnapshotRoute::tr("A member was erased after head office's till snapshot was published; provision from "
                              "the change feed.")};
}

}  // namespace

SnapshotRoute::SnapshotRoute(QHttpServer& http, HeadOfficeApi& office, const Clock& clock, RequestLog log,
                             QObject* parent)
    : QObject(parent)
    , m_office(office)
    , m_directory(TillSnapshotStore::directoryFor(office))
    , m_clock(clock)
    , m_authenticator(office, clock)
    , m_log(std::move(log))
{
    http.route(sync::kSnapshotPath, QHttpServerRequest::Method::AnyKnown,
               [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                   answer(request, std::move(responder));
               });
}

void SnapshotRoute::answer(const QHttpServerRequest& request, QHttpServerResponder&& responder) const
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray method = RequestAuthenticator::methodName(request);
    const QByteArray path = request.url().path(QUrl::FullyEncoded).toUtf8().left(200);
    const auto refuse = [&](const ApiError& error, bool allowGet = false) {
        QHttpServerResponse response = ApiResponse::error(error, m_clock);
        if (allowGet)
            response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
        response.write(std::move(responder));
        if (m_log)
            m_log(method, path, int(error.status), timer.elapsed());
    };
    if (request.body().size() > sync::kMaxBodyBytes)
        return refuse(ApiResponse::tooLarge());
    if (request.method() != QHttpServerRequest::Method::Get)
        return refuse(ApiResponse::methodNotAllowed(), true);
    const auto authentication = m_authenticator.authenticate(ApiRequest::from(request));
    if (!authentication.ok())
        return refuse(*authentication.refusal);

    const auto newest = TillSnapshotStore(m_directory).newest();
    if (!newest)
        return refuse(ApiResponse::unavailable());
    if (!*newest)
        return refuse(noSnapshot());
    const TillSnapshotStore::Snapshot& snapshot = **newest;
    // Erased personal data must not reach a new till from a copy made before the erasure.
    const auto erased = m_office.erasedSince(snapshot.seq);
    if (!erased)
        return refuse(ApiResponse::unavailable());
    if (*erased)
        return refuse(staleSnapshot());
    auto file = std::make_unique<QFile>(snapshot.path);
    // Opened now, so a newer publication removing this file later does not cut the download.
    if (!file->open(QIODevice::ReadOnly) || file->size() != snapshot.size)
        return refuse(noSnapshot());
    QTcpSocket* socket = responder.socket();
    if (!socket)
        return;
    responder.writeStatusLine(StatusCode::Ok);
    responder.writeHeader(QByteArrayLiteral("Content-Type"), kContentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(snapshot.size));
    responder.writeHeader(kCursorHeader, snapshot.cursor.toLatin1());
    responder.writeHeader(kSchemaHeader, QByteArray::number(snapshot.schema));
    responder.writeHeader(kSha256Header, snapshot.sha256.toLatin1());
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    responder.writeBody(QByteArray());  // ends the head; the body follows from the stream
    (new SnapshotStream(std::move(file), socket))->fill();
    if (m_log)
        m_log(method, path, int(StatusCode::Ok), timer.elapsed());
}

}  // namespace loyalty::hq
