#pragma once

#include "http/ApiError.h"

#include <QCoreApplication>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

// Every body head office answers is JSON and carries `server_time` (RFC 3339 UTC), so a till can
// correct its clock from any answer, errors included.
class ApiResponse final
{
    Q_DECLARE_TR_FUNCTIONS(ApiResponse)

public:
    static QHttpServerResponse ok(QJsonObject body, const Clock& clock);
    static QHttpServerResponse error(const ApiError& error, const Clock& clock);
    static QString serverTime(const Clock& clock);

    // Wire codes of docs/sync-protocol.md, "Error responses".
    static ApiError malformed(const QString& message);
    static ApiError notFound();
    static ApiError methodNotAllowed();
    static ApiError tooLarge();
    static ApiError unavailable();
};

}  // namespace loyalty::hq
