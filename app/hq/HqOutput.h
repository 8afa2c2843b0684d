#pragma once

#include "HqReport.h"

namespace loyalty::hq {

// Where loyalty-hq writes: a result goes to standard output, as text or (with --json) as exactly
// one indented JSON document; an error goes to standard error as one line of plain text, with or
// without --json, so standard output only ever holds results a script can parse.
class HqOutput final
{
public:
    explicit HqOutput(bool json);

    void printReport(const HqReport& report) const;
    void printText(const QString& text) const;
    void printError(const QString& message) const;

private:
    bool m_json;
};

}  // namespace loyalty::hq
