#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace loyalty::sync {

// A programme change the till did not activate: a forged signature, no key to check it with, a
// version not newer than the active one, or a document the till cannot read.
struct RefusedProgramme
{
    qint64 version = 0;
    QString reason;   // stable: "bad_signature", "no_hq_key", "programme_not_newer", "invalid_programme" ...
    QString message;  // translated, for the manager
};

// What ChangeApplier::apply did with one page of head office's change feed. Every change of the
// page is counted once: in `applied` (it changed the till database), in `unchanged` (the till
// had it already: a page applied twice, or a change that came from this till's own events) or,
// for programmes only, in `refusedProgrammes`.
struct AppliedPage
{
    QString cursor;  // the cursor stored with the page (setting sync.cursor)
    int changes = 0;
    QMap<QString, int> applied;    // kind ("member", "ledger" ...) -> changes that changed something
    QMap<QString, int> unchanged;  // kind -> changes the till already had
    QList<RefusedProgramme> refusedProgrammes;

    int count(const QString& kind) const { return applied.value(kind) + unchanged.value(kind); }
    int appliedTotal() const
    {
        int total = 0;
        for (const int n : applied)
            total += n;
        return total;
    }
};

}  // namespace loyalty::sync
