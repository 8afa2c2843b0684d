#pragma once

#include "http/RequestAuthenticator.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HeadOfficeApi;

// GET /v1/snapshot (docs/sync-protocol.md): the newest published till snapshot (TillSnapshotStore,
// whose header has the file contract), for a new till to copy instead of replaying the feed.
// - Signed like GET /v1/changes (RequestAuthenticator); refusals are the API's usual error JSON.
// - 200: the file's bytes, streamed from disk in blocks as the socket drains (never the whole file
//   in memory), with Content-Type application/vnd.sqlite3, Content-Length, X-Snapshot-Cursor (the
//   feed cursor the snapshot reached; the till pulls GET /v1/changes from it), X-Snapshot-Schema
//   (the till schema version of the file) and X-Snapshot-Sha256 (lower-case hex of the whole file).
// - 404 with error "no_snapshot" when none is published, or when a member was erased after the newest
//   one was (it may still hold their data: the till then provisions from the redacted feed); 405 for another method;
//   503 when the folder cannot be read.
// Answered in the HTTP thread, which owns the socket the bytes go to; the authentication uses the
// head office HqServer was given (its nonces are the same table the workers use).
class SnapshotRoute final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotRoute)

public:
    using RequestLog = std::function<void(const QByteArray& method, const QByteArray& path, int status, qint64 ms)>;

    static inline const QByteArray kCursorHeader = QByteArrayLiteral("X-Snapshot-Cursor");
    static inline const QByteArray kSchemaHeader = QByteArrayLiteral("X-Snapshot-Schema");
    static inline const QByteArray kSha256Header = QByteArrayLiteral("X-Snapshot-Sha256");
    static inline const QByteArray kContentType = QByteArrayLiteral("application/vnd.sqlite3");

    // Routes sync::kSnapshotPath on `http`; `office` and `clock` must outlive it.
    SnapshotRoute(QHttpServer& http, HeadOfficeApi& office, const Clock& clock, RequestLog log,
                  QObject* parent = nullptr);

private:
    void answer(const QHttpServerRequest& request, QHttpServerResponder&& responder) const;

    HeadOfficeApi& m_office;
    QString m_directory;
    const Clock& m_clock;
    RequestAuthenticator m_authenticator;
    RequestLog m_log;
};

}  // namespace loyalty::hq
