#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace loyalty::sync {

// One answer from head office (or the lack of one), classified as the contract's error table says
// the till must react (docs/sync-protocol.md, "Error responses").
struct SyncReply
{
    Q_DECLARE_TR_FUNCTIONS(SyncReply)

public:
    enum class Outcome
    {
        Ok,           // 2xx: the body is the answer
        ClockSkew,    // 401 clock_skew: correct the clock offset from server_time, retry once at once
        Malformed,    // 400, 404, 405 (and other 4xx that cannot succeed): retry one event at a time
        TooLarge,     // 413: halve the batch; a single event too large is dead-lettered
        Refused,      // 401 other: head office refuses this till; retry at the backoff cap
        BadCode,      // 403 bad_code at provisioning: report it, store nothing
        Unavailable,  // 429, 5xx, time-out, connection error: back off, honour Retry-After
        Insecure,     // the till refused the connection: untrusted certificate, plain HTTP not allowed
    };

    Outcome outcome = Outcome::Unavailable;
    int httpStatus = 0;    // 0 when no HTTP answer arrived
    QString error;         // head office's error code, or the till's class of failure ("timeout")
    QString message;       // for people
    QJsonObject body;      // the JSON body, when there was one
    QDateTime serverTime;  // invalid when the body had none
    std::optional<qint64> retryAfterMs;
    QHash<QByteArray, QByteArray> headers;  // lower-case names; only for downloads (SyncClient::download)
    qint64 bodyBytes = 0;                   // bytes handed to a download's sink

    bool ok() const { return outcome == Outcome::Ok; }
    // "401 bad_signature: The signature does not match." — for last_error and the ctl's "error".
    QString describe() const;

    static Outcome classify(int httpStatus, const QString& errorCode);
    // A Retry-After header: delta-seconds or an HTTP date (RFC 9110); nothing when absent or unreadable.
    static std::optional<qint64> parseRetryAfter(const QByteArray& value, const QDateTime& now);
};

}  // namespace loyalty::sync
