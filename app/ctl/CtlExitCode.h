#pragma once

#include "common/Error.h"

namespace loyalty {

// loyalty-ctl's exit codes. Scripts depend on them, so they never change meaning; --help lists them.
//   0 ok
//   1 usage: unknown command or option, missing or malformed argument (nothing was opened)
//   2 not found: no database at --db (every command but demo), unknown card, unknown product
//   3 check ran and found problems
//   4 refused: input the till refuses (wrong check digit, not a barcode, blocked card, demo data
//     into a database that is not empty)
//   5 storage: disk full, damaged database, schema newer than this program, any other SQLite failure
//   6 head office: provision or sync could not finish because head office could not be reached,
//     refused this till, or sent what the till could not apply
//   7 tampered: audit verify found an edited, deleted, inserted or moved audit log entry
//   8 printer: receipt did not reach the printer (unreachable, refused, timed out, no such device,
//     no permission)
enum class CtlExitCode
{
    Ok = 0,
    Usage = 1,
    NotFound = 2,
    ProblemsFound = 3,
    Refused = 4,
    Storage = 5,
    HeadOffice = 6,
    Tampered = 7,
    Printer = 8,
};

CtlExitCode exitCodeFor(Error::Code code);
// As above, but an error that says head office could not be reached (reason "hq_unreachable") is 6
// and one that says the receipt printer did not take a receipt (reason "printer") is 8.
CtlExitCode exitCodeFor(const Error& error);

}  // namespace loyalty
