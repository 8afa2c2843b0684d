#pragma once

#include <QString>

namespace loyalty {

// What AuditVerifier found: an intact chain, or the first entry where it breaks and how.
struct AuditVerification
{
    enum class Problem
    {
        None,
        Edited,        // the entry's fields no longer give its hash
        Missing,       // a gap in seq: entries were deleted (or renumbered away)
        Unlinked,      // prev_hash is not the previous entry's hash: deleted, inserted or moved entries
        HeadMismatch,  // the newest entries were deleted, or added past the recorded head
        HeadMissing,   // entries without a recorded head
    };

    qint64 entries = 0;  // entries read
    Problem problem = Problem::None;
    qint64 firstBadSeq = 0;  // the first entry (or missing seq) that is wrong; 0 when intact
    QString message;         // translated, for people

    bool ok() const { return problem == Problem::None; }
    // A stable word for scripts: "ok", "edited", "missing", "unlinked", "head_mismatch", "head_missing".
    QString problemKey() const;
};

}  // namespace loyalty
