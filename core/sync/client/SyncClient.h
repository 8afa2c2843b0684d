#pragma once

#include "sync/client/SyncEndpoint.h"
#include "sync/client/SyncReply.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <atomic>
#include <functional>

class QNetworkReply;
class QNetworkRequest;

namespace loyalty {
class Clock;
}

namespace loyalty::sync {

// The till's HTTPS client for head office: signs every request (docs/sync-protocol.md, "Till
// authentication") with the till's clock corrected by the endpoint's offset, verifies the server
// against the CA file or the pinned key, and classifies every answer as the contract's error table
// says. Calls block the calling thread in a local event loop until the answer or the time-out:
// the till runs them in the sync worker's thread, loyalty-ctl in its only thread; never the GUI's.
class SyncClient final
{
    Q_DECLARE_TR_FUNCTIONS(SyncClient)

public:
    static constexpr int kDefaultTimeoutMs = 30'000;

    SyncClient(const Clock& clock, SyncEndpoint endpoint, int timeoutMs = kDefaultTimeoutMs);
    ~SyncClient();
    Q_DISABLE_COPY_MOVE(SyncClient)

    const SyncEndpoint& endpoint() const { return m_endpoint; }
    // After a clock_skew answer: sign with head office's time from now on.
    void setClockOffset(qint64 seconds) { m_endpoint.clockOffsetSeconds = seconds; }
    void setCredentials(const QString& tillId, const QByteArray& secret);
    // The offset that makes this till's clock agree with `serverTime`.
    qint64 offsetTo(const QDateTime& serverTime) const;

    SyncReply provision(const QString& code, const QString& tillName);
    SyncReply pushEvents(const QByteArray& body);
    SyncReply changes(const QString& cursor, int limit);
    SyncReply status();

    // Receives a download's body as it arrives; false stops the download (a full disk).
    using BodySink = std::function<bool(const char* data, qint64 size)>;
    // Signed GET whose 2xx body goes to `sink` chunk by chunk, never held whole in memory; the
    // answer's headers in SyncReply::headers. Any other answer is classified like the other calls.
    SyncReply download(const QString& pathAndQuery, const BodySink& sink);

    // From any thread: the request in flight (and every later one) ends at once as Unavailable.
    void interrupt() { m_interrupted = true; }

private:
    enum class Signing
    {
        Unsigned,
        Signed
    };
    SyncReply send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body, Signing signing,
                   const BodySink* sink = nullptr);
    QSslConfiguration tlsConfiguration(QString* problem) const;
    SyncReply finish(QNetworkReply* reply, bool pinRefused, const BodySink* sink, bool sinkRefused, qint64 sunk) const;

    const Clock& m_clock;
    SyncEndpoint m_endpoint;
    int m_timeoutMs;
    QNetworkAccessManager m_network;
    std::atomic<bool> m_interrupted{false};
};

}  // namespace loyalty::sync
