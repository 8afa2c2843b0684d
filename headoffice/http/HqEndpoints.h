#pragma once

#include "http/RequestAuthenticator.h"

#include <QCoreApplication>
#include <QHttpServerResponse>

namespace loyalty {
class Clock;
struct Error;
}  // namespace loyalty

namespace loyalty::hq {

class HeadOfficeApi;
struct ApiRequest;

// The four endpoints of docs/sync-protocol.md. Each checks what it was sent before it asks head
// office to change anything, so every 4xx leaves the database as it was.
class HqEndpoints final
{
    Q_DECLARE_TR_FUNCTIONS(HqEndpoints)

public:
    HqEndpoints(HeadOfficeApi& office, const Clock& clock);

    // Each runs in the thread that owns `office` (HqServer's thread, or one of its HqWorkerPool's).
    QHttpServerResponse provision(const ApiRequest& request) const;
    QHttpServerResponse events(const ApiRequest& request) const;
    QHttpServerResponse changes(const ApiRequest& request) const;
    QHttpServerResponse status(const ApiRequest& request) const;

private:
    QHttpServerResponse refuse(const ApiError& error) const;
    QHttpServerResponse storageFailure(const Error& error) const;

    HeadOfficeApi& m_office;
    const Clock& m_clock;
    RequestAuthenticator m_authenticator;
};

}  // namespace loyalty::hq
