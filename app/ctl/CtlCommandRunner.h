#pragma once

#include "CtlExitCode.h"
#include "CtlReport.h"
#include "CtlRequest.h"
#include "common/Result.h"

namespace loyalty {

class Clock;
class CtlOutput;
class Database;

// Opens the database the way the command needs (only demo may create one), runs the command and
// prints its result or its error.
class CtlCommandRunner final
{
public:
    CtlCommandRunner(const Clock& clock, const CtlOutput& output);

    CtlExitCode run(const CtlRequest& request) const;

private:
    Result<CtlReport> execute(const CtlRequest& request) const;
    Result<CtlReport> executeOn(Database& database, const CtlRequest& request) const;
    Result<CtlReport> executeDecode(const CtlRequest& request) const;

    const Clock& m_clock;
    const CtlOutput& m_output;
};

}  // namespace loyalty
