#pragma once

#include <QHttpServerResponse>
#include <QString>

namespace loyalty::hq {

// A refusal as it goes over the wire: the HTTP status, the stable error code of docs/sync-protocol.md
// ("malformed", "bad_signature", ...) and a message for people.
struct ApiError
{
    QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::BadRequest;
    QString code;
    QString message;
};

}  // namespace loyalty::hq
