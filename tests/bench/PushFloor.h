#pragma once

#include "FigureResult.h"

#include <QString>

namespace loyalty::bench {

// The floor of push_sqlite (push_floor) and push_postgresql (push_floor_postgresql): head office's own rows for the
// events the push just stored (events, sales, ledger entries, changes, the till's counters) written again with new
// random keys, through HqBulkInsert's statements prepared once (multi-row), one write transaction per `perTransaction`
// events as the real path commits a request, same database file and connection settings as
// loyalty-hq (WAL, synchronous=FULL); no HTTP, no JSON parsing, no prefetch, no answers. What the
// storage alone costs per event on this machine.
class PushFloor final
{
public:
    // `hqDatabase`: the database the push just filled (a SQLite path or a PostgreSQL URL).
    static FigureResult measure(const QString& hqDatabase, int perTransaction, bool postgresql);
};

}  // namespace loyalty::bench
