#include "http/ConnectionGuard.h"

#include "http/ApiResponse.h"
#include "sync/protocol/SyncProtocol.h"

#include <QTcpSocket>

namespace loyalty::hq {

namespace {

// Head office's requests have a few short headers; more than this is not a till talking.
constexpr qsizetype kMaxHeadBytes = 64 * 1024;
// A client that declares a body this large is not worth reading to the end before closing.
constexpr qint64 kMaxDiscardBytes = 4 * sync::kMaxBodyBytes;
constexpr int kLingerMilliseconds = 30'000;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    default:
        return QByteArrayLiteral("Bad Request");
    }
}

}  // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket* socket, const Clock& clock, RefusalLog log, int idleMilliseconds)
    : QObject(socket)
    , m_socket(socket)
    , m_clock(clock)
    , m_log(std::move(log))
    , m_idleMilliseconds(idleMilliseconds)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::close);
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_discardLeft < 0)
            m_timer.start(m_idleMilliseconds);
    });
    m_timer.start(m_idleMilliseconds);
}

void ConnectionGuard::requestFinished()
{
    if (m_requestsInWork > 0)
        --m_requestsInWork;
    if (m_discardLeft < 0)
        m_timer.start(m_idleMilliseconds);
}

void ConnectionGuard::close()
{
    if (m_requestsInWork > 0) {
        // Its answer is still to come; the idle time starts again once it has been written.
        m_timer.start(m_idleMilliseconds);
        return;
    }
    // Nothing is being handled now (no answer outstanding), so the socket can go.
    m_socket->abort();
    m_socket->deleteLater();
}

void ConnectionGuard::inspect()
{
    if (m_discardLeft < 0)
        m_timer.start(m_idleMilliseconds);
    if (m_discardLeft >= 0) {
        discard();
        return;
    }
    // The HTTP server reads everything available after this slot returns, so what is available
    // now is exactly what arrived since the last call.
    const QByteArray fresh = m_socket->peek(m_socket->bytesAvailable());
    qsizetype at = 0;
    while (at < fresh.size()) {
        if (m_bodyLeft > 0) {
            const qint64 take = qMin<qint64>(m_bodyLeft, fresh.size() - at);
            m_bodyLeft -= take;
            at += qsizetype(take);
            continue;
        }
        const qsizetype headStart = m_head.isEmpty() ? at : 0;
        const qsizetype before = m_head.size();
        m_head += fresh.mid(at);
        const qsizetype headEnd = m_head.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_head.size() > kMaxHeadBytes) {
                const Refusal tooLong{
                    431,
                    ApiResponse::error(ApiResponse::malformed(ApiResponse::tr("The request headers are too large.")),
                                       m_clock)
                        .data(),
                    {},
                    {}};
                refuse(tooLong, 0, headStart == 0);
            }
            return;
        }
        at += headEnd + 4 - before;
        m_head.truncate(headEnd + 2);
        const auto refusal = inspectHead();
        m_head.clear();
        // When the whole refused request sits in this chunk behind an earlier one, the HTTP server
        // gets all of it anyway and its route refuses it by the same limit, in order.
        if (refusal && !(headStart > 0 && m_bodyLeft <= fresh.size() - at)) {
            refuse(*refusal, fresh.size() - at, headStart == 0);
            return;
        }
    }
}

std::optional<ConnectionGuard::Refusal> ConnectionGuard::inspectHead()
{
    const QList<QByteArray> lines = m_head.split('\n');
    qint64 contentLength = 0;
    bool framingUnbounded = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool isNumber = !value.isEmpty();
            for (const char c : value)
                isNumber = isNumber && c >= '0' && c <= '9';
            if (!isNumber)
                framingUnbounded = true;
            else if (value.size() > 18)  // more digits than a qint64 holds: larger than anything we take
                contentLength = kMaxDiscardBytes + 1;
            else
                contentLength = qMax(contentLength, value.toLongLong());
        } else if (name == "transfer-encoding") {
            framingUnbounded = true;
        }
    }
    m_bodyLeft = contentLength;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray method = requestLine.value(0).left(16);
    const QByteArray path = requestLine.value(1).split('?').value(0).left(200);

    if (contentLength > sync::kMaxBodyBytes)
        return Refusal{413, ApiResponse::error(ApiResponse::tooLarge(), m_clock).data(), method, path};
    if (framingUnbounded) {
        // Without a Content-Length the body's size is unknown until it has been buffered.
        return Refusal{
            400,
            ApiResponse::error(ApiResponse::malformed(
                                   ApiResponse::tr("Send the request body with a Content-Length of at most %1 bytes.")
                                       .arg(sync::kMaxBodyBytes)),
                               m_clock)
                .data(),
            method, path};
    }
    return std::nullopt;
}

void ConnectionGuard::refuse(const Refusal& refusal, qint64 bodyInChunk, bool nothingBeforeInChunk)
{
    const qint64 declared = m_bodyLeft;
    m_timer.start(kLingerMilliseconds);
    m_bodyLeft = 0;
    m_discardLeft = declared > kMaxDiscardBytes ? 0 : qMax<qint64>(0, declared - bodyInChunk);
    if (nothingBeforeInChunk) {
        // Everything the HTTP server could still get belongs to the refused request: take it away
        // (and what it holds of the head) so the request never reaches a route.
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->skip(m_socket->bytesAvailable());
        writeRefusal(refusal);
        return;
    }
    // This chunk also ends an earlier request, which the HTTP server must still answer, and first:
    // let it have the chunk and answer the refusal afterwards. The refused request stays
    // incomplete there because its body is swallowed from the next chunk on.
    QMetaObject::invokeMethod(
        this, [this, refusal] { writeRefusal(refusal); }, Qt::QueuedConnection);
}

void ConnectionGuard::writeRefusal(const Refusal& refusal)
{
    const QByteArray response =
        "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + reasonPhrase(refusal.status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(refusal.body.size()) +
        "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + refusal.body;
    m_log(refusal.method, refusal.path, refusal.status);
    m_socket->write(response);
    m_refusalWritten = true;
    if (m_discardLeft == 0)
        m_socket->disconnectFromHost();
}

void ConnectionGuard::discard()
{
    // Drop what the HTTP server holds of the refused request and swallow the rest unseen by it.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    const qint64 available = m_socket->bytesAvailable();
    m_socket->skip(available);
    if (m_discardLeft == 0)
        return;
    m_discardLeft = qMax<qint64>(0, m_discardLeft - available);
    if (m_discardLeft == 0 && m_refusalWritten)
        m_socket->disconnectFromHost();
}

}  // namespace loyalty::hq
