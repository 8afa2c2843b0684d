#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>

namespace loyalty::hq {

class HqDatabase;

// What head office's copy of one till's audit chain shows.
struct HqAuditReport
{
    qint64 entries = 0;
    // Entries that never travel (staff added, PINs locked, exports) leave holes in head office's copy:
    // the seqs missing between the lowest and the highest stored. Expected, not a fault.
    qint64 notReceived = 0;
    QList<qint64> edited;    // the entry's fields no longer give its hash
    QList<qint64> unlinked;  // prev_hash is not the hash of the stored entry just before it
    QList<qint64> forked;    // two different entries with one seq: the till's chain was rewound

    bool ok() const { return edited.isEmpty() && unlinked.isEmpty() && forked.isEmpty(); }
};

// Checks head office's copy of a till's hash-chained audit log (audit_entries) with the till's own
// hash (core/audit/AuditHash): every entry must still give its hash, and where head office holds
// two consecutive entries the second must name the first's hash. Head office only receives the
// entries that travel with an event, so this cannot prove that no entry is missing — the till's
// `loyalty-ctl audit verify` does that; it proves that what head office keeps is what the till wrote.
class HqAuditVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(HqAuditVerifier)

public:
    explicit HqAuditVerifier(HqDatabase& database);

    Result<HqAuditReport> verify(const QString& tillId) const;

private:
    HqDatabase& m_database;
};

}  // namespace loyalty::hq
