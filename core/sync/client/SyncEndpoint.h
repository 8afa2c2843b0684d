#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QUrl>

namespace loyalty::sync {

// How this till reaches head office and signs its requests: the sync.* settings written at provisioning.
struct SyncEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(SyncEndpoint)

public:
    QUrl url;        // https://hq.example:8443 (a path, if any, prefixes every request)
    QString caFile;  // PEM file of the CA(s) to verify head office's certificate with
    QString pin;     // sha256/BASE64 of head office's SubjectPublicKeyInfo
    bool allowPlainLoopback = false;
    QString tillId;                 // empty before provisioning
    QByteArray secret;              // raw 32 bytes; empty before provisioning
    qint64 clockOffsetSeconds = 0;  // how far head office's clock is ahead of this till's

    bool hasCredentials() const { return !tillId.isEmpty() && !secret.isEmpty(); }

    // The endpoint of a provisioned (or half-provisioned) till; Error::Code::NotFound when the till
    // has no head office yet.
    static Result<SyncEndpoint> load(const QSqlDatabase& db);
    // Whether `url` may be used at all: https, or plain http to a loopback host when allowed.
    static Result<Done> checkTransport(const QUrl& url, bool allowPlainLoopback);
    static bool isLoopbackHost(const QString& host);
};

}  // namespace loyalty::sync
