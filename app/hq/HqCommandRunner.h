#pragma once

#include "HqExitCode.h"
#include "HqReport.h"
#include "HqRequest.h"
#include "common/Result.h"

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HeadOffice;
class HqOutput;

// Opens head office's database the way the command needs (only the commands that add data create
// one), runs the command and prints its result or its error.
class HqCommandRunner final
{
public:
    HqCommandRunner(const Clock& clock, const HqOutput& output);

    HqExitCode run(const HqRequest& request) const;

private:
    Result<HqReport> execute(HeadOffice& office, const HqRequest& request) const;

    const Clock& m_clock;
    const HqOutput& m_output;
};

}  // namespace loyalty::hq
