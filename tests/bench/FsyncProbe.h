#pragma once

#include "SampleSet.h"

#include <QString>

namespace loyalty::bench {

// What one durable write costs on a file system: append 4 KiB to a file and fsync it, as SQLite's
// WAL appends a frame and syncs it at COMMIT. The floor under any durable commit on that disk.
class FsyncProbe final
{
public:
    // Writes in `directory` (a scratch file, removed afterwards); empty samples on failure.
    static SampleSet measure(const QString& directory, int count);
};

}  // namespace loyalty::bench
