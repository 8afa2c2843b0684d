#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

// Watches one connection for Qt HTTP Server 6.4, which has neither a body limit nor an idle timeout.
//
// Size: refuses an oversized request from its headers, before the HTTP server buffers the body.
// Qt HTTP Server 6.4 reads a whole request into memory before any handler runs and has no size
// limit, so a route can only see Content-Length after the bytes have arrived. This guard is
// connected to the socket's readyRead before the HTTP server (so it runs first), follows the
// request framing by peeking, and when a request declares more than sync::kMaxBodyBytes (or uses
// a framing it cannot bound) it answers the error itself, discards the body instead of letting
// it reach the server, and closes the connection once the declared body has been received.
//
// Idle: a connection with no traffic for `idleMilliseconds` is closed and freed, so clients that
// vanish or keep a connection open without sending do not pile up.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    // Called once per refused request: method, path (without query) and status, for the request log.
    using RefusalLog = std::function<void(const QByteArray& method, const QByteArray& path, int status)>;

    static constexpr int kDefaultIdleMilliseconds = 120'000;

    ConnectionGuard(QTcpSocket* socket, const Clock& clock, RefusalLog log,
                    int idleMilliseconds = kDefaultIdleMilliseconds);

    // A request of this connection is being worked on in another thread (HqWorkerPool): the
    // connection is not idle then, however long the database takes, and is never closed under it.
    void requestStarted() { ++m_requestsInWork; }
    void requestFinished();

private:
    struct Refusal
    {
        int status = 0;
        QByteArray body;
        QByteArray method;  // for the request log
        QByteArray path;
    };

    void inspect();
    // The refusal the current request's head calls for, if any; sets m_bodyLeft.
    std::optional<Refusal> inspectHead();
    void refuse(const Refusal& refusal, qint64 bodyInChunk, bool nothingBeforeInChunk);
    void writeRefusal(const Refusal& refusal);
    void discard();
    void close();

    QTcpSocket* m_socket;
    const Clock& m_clock;
    RefusalLog m_log;
    QByteArray m_head;          // the current request's bytes up to the blank line
    qint64 m_bodyLeft = 0;      // body bytes of the current request still to come
    qint64 m_discardLeft = -1;  // after a refusal: body bytes still to swallow before closing
    bool m_refusalWritten = false;
    QTimer m_timer;  // idle, or after a refusal: how long to wait for the rest of the body
    int m_idleMilliseconds;
    int m_requestsInWork = 0;
};

}  // namespace loyalty::hq
