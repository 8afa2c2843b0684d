#pragma once

#include "CtlReport.h"

namespace loyalty {

// Where loyalty-ctl writes: a result goes to standard output, as text or (with --json) as exactly
// one indented JSON document; an error goes to standard error as one line of plain text, with or
// without --json, so standard output only ever holds results a script can parse.
class CtlOutput final
{
public:
    explicit CtlOutput(bool json);

    void printReport(const CtlReport& report) const;
    void printText(const QString& text) const;
    void printError(const QString& message) const;

private:
    bool m_json;
};

}  // namespace loyalty
