#pragma once

#include "BenchOptions.h"

#include <QStringList>

#include <optional>

namespace loyalty::bench {

// loyalty-bench [--tiny] [--json] [--only NAME,...] [--work DIR] [--bin BUILD-DIR] [--postgres URL]
class BenchCommandLine final
{
public:
    // nullopt after --help or a bad option (the message is printed).
    static std::optional<BenchOptions> parse(const QStringList& arguments);
};

}  // namespace loyalty::bench
