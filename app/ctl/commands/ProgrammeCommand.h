#pragma once

#include "CtlReport.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace loyalty {

class Clock;
class Database;
struct Programme;

// `programme load FILE` validates a programme document and makes it the till's active programme
// (ProgrammeStore: an invalid or not newer document is refused, naming the JSON path, and the
// previous one stays active); `programme show` prints the programme the till sells under.
class ProgrammeCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeCommand)

public:
    ProgrammeCommand(Database& database, const Clock& clock);

    Result<CtlReport> load(const QString& file) const;
    Result<CtlReport> show() const;

private:
    static CtlReport reportOf(const Programme& programme, const QString& source);

    Database& m_database;
    const Clock& m_clock;
};

}  // namespace loyalty
