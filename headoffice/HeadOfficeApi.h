#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QString>

namespace loyalty::hq {

// What provisioning gives a new till (docs/sync-protocol.md, POST /v1/provision).
struct ProvisionedTill
{
    QString tillId;
    QString tillName;
    QByteArray secret;     // 32 random bytes; the till signs every request with it
    QByteArray publicKey;  // head office's raw Ed25519 public key, for programme signatures
};

// One page of the change feed (GET /v1/changes).
struct ChangePage
{
    QJsonArray changes;  // {"kind": ..., "data": {...}} in feed order
    QString cursor;      // opaque; the till sends it back verbatim
    bool more = false;
    qint64 remaining = 0;  // changes beyond this page, for progress
};

// The operations the HTTP layer (headoffice/http) needs from head office, whatever the storage.
// Every call is one or more complete database transactions; nothing half-applied survives a failure.
class HeadOfficeApi
{
public:
    virtual ~HeadOfficeApi() = default;

    // Error::Code::Refused with reason "bad_code" for an unknown, used or expired code.
    virtual Result<ProvisionedTill> provision(const QString& code, const QString& requestedTillName) = 0;
    // The secret of an active till; Error::Code::NotFound (reason "unknown_till") otherwise.
    virtual Result<QByteArray> activeTillSecret(const QString& tillId) = 0;
    // Remembers a request nonce; false if this till used it within sync::kNonceMemorySeconds of
    // `unixTime`. Older nonces may be forgotten.
    virtual Result<bool> rememberNonce(const QString& tillId, const QByteArray& nonce, qint64 unixTime) = 0;
    // Applies each event exactly once and answers one {"id","status"[,"reason","message"]} per event.
    // An error result means the storage failed as a whole (the HTTP layer answers 503).
    // `payloadTexts`: each event's payload as the till wrote it in the request (EventPayloadTexts),
    // stored as it is; empty (for one event or all): the parsed payload is serialised instead.
    virtual Result<QJsonArray> push(const QString& tillId, const QJsonArray& events,
                                    const QList<QByteArray>& payloadTexts) = 0;
    Result<QJsonArray> push(const QString& tillId, const QJsonArray& events) { return push(tillId, events, {}); }
    // The changes after `cursor` (empty: from the beginning), without those that came from
    // `tillId`'s own events. Error::Code::InvalidInput (reason "bad_cursor") for a cursor it never gave.
    virtual Result<ChangePage> changes(const QString& tillId, const QString& cursor, int limit) = 0;
    // Whether a member was erased by a change after feed sequence `seq` (GET /v1/snapshot withholds
    // a snapshot older than an erasure). A head office without snapshots has none to withhold.
    virtual Result<bool> erasedSince(qint64 /*seq*/) { return false; }

    // Group commit (HqWorkerPool): after beginGroup(), push() and rememberNonce() join one write
    // transaction, each call inside its own savepoint, so a call that fails leaves the others' work
    // as it was; commitGroup() makes all of it durable at once. Nothing of a group may be answered
    // before commitGroup() succeeded. A head office without groups (the default) gives every call
    // its own transaction, as without a group.
    virtual Result<Done> beginGroup() { return Done{}; }
    virtual Result<Done> commitGroup() { return Done{}; }
    virtual void rollbackGroup() {}
};

}  // namespace loyalty::hq
