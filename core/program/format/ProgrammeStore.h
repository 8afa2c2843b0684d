#pragma once

#include "common/Result.h"
#include "program/model/Programme.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace loyalty {

// The programme documents a till has activated (table `programmes`). The active programme is the
// highest version stored; a till that has none runs the built-in demo programme
// (:/programmes/demo.json). An invalid or not newer document is refused and changes nothing.
class ProgrammeStore final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeStore)

public:
    explicit ProgrammeStore(const QSqlDatabase& db);

    // Validates and stores `document` as the active programme. Its version must be higher than every
    // version stored so far; the built-in default is a fallback, not an activation, so any valid
    // document replaces it whatever its version.
    Result<Programme> activate(const QByteArray& document, const QString& activatedAtIso);
    // The same inside the caller's write transaction (a page of head office's change feed, which
    // commits or rolls back as a whole).
    Result<Programme> activateInTransaction(const QByteArray& document, const QString& activatedAtIso);

    Result<Programme> active() const;
    // The version of active(): the highest stored, or the built-in default's when none is stored.
    Result<int> activeVersion() const;
    // The highest stored version; 0 when none is stored.
    Result<int> storedVersion() const;

    static QByteArray builtInDocument();
    static Result<Programme> builtIn();

private:
    QSqlDatabase m_db;
};

}  // namespace loyalty
