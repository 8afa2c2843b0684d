#pragma once

#include "sync/client/SyncReply.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace loyalty::sync {

// What one sync round did: the counts loyalty-ctl sync prints and the worker turns into the status line.
struct SyncRoundReport
{
    bool complete = false;  // pushed everything it could and pulled until head office had no more
    bool reached = false;   // head office answered at least once in a way that counts as online
    qint64 pushed = 0;      // events head office answered for
    qint64 accepted = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;   // dead-lettered this round (by head office or, too large, by the till)
    qint64 pulled = 0;     // changes received and applied (or found already applied)
    qint64 remaining = 0;  // changes head office still holds beyond the last page
    // Why the round stopped early, when it did.
    std::optional<SyncReply::Outcome> failure;
    QString error;    // the stable code: "connection_refused", "bad_signature", "timeout" ...
    QString message;  // for people
    std::optional<qint64> retryAfterMs;

    bool refused() const { return failure == SyncReply::Outcome::Refused; }
};

}  // namespace loyalty::sync
