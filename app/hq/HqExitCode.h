#pragma once

#include "common/Error.h"

namespace loyalty::hq {

// loyalty-hq's exit codes. Scripts depend on them, so they never change meaning; --help lists them.
//   0 ok
//   1 usage: unknown command or option, missing or malformed argument (nothing was opened)
//   2 not found: no head-office database at --db (for the commands that only read), unknown card,
//     unknown digital-card key, missing file or certificate
//   3 problems found: `conflicts` found overdrafts or coupon conflicts
//   4 refused input: an invalid or not newer programme, an import with errors, demo data into a
//     database that is not empty, a card key that clashes with a published one, a bad card id or
//     validity window, a bad or mismatched TLS key, a busy port
//   5 storage: disk full, damaged database, schema newer than this program, connection refused
enum class HqExitCode
{
    Ok = 0,
    Usage = 1,
    NotFound = 2,
    ProblemsFound = 3,
    Refused = 4,
    Storage = 5,
};

HqExitCode exitCodeFor(Error::Code code);

}  // namespace loyalty::hq
