#pragma once

#include "common/Result.h"
#include "http/HqWorkerPool.h"

#include <QCoreApplication>

#include <functional>

class QTextStream;

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HeadOfficeApi;
struct ServeOptions;

// `loyalty-hq serve` once the options are read: loads the TLS identity, listens, prints the one
// line the integration tests and ./dev run wait for, runs head office's hourly duties and the
// event loop until SIGTERM or SIGINT.
class HqServeLoop final
{
    Q_DECLARE_TR_FUNCTIONS(HqServeLoop)

public:
    static constexpr int kDutyIntervalMilliseconds = 60 * 60 * 1000;

    // `hourly` runs at start and then every hour (points expiry); it reports to `err` itself.
    // Requests are worked on by `workers` threads with the head office `factory` opens in each.
    // Done after a clean stop; an error (not yet printed) when it could not start serving.
    static Result<Done> run(HeadOfficeApi& office, const HqWorkerPool::OfficeFactory& factory, int workers,
                            const Clock& clock, const ServeOptions& options, const std::function<void()>& hourly,
                            QTextStream& out, QTextStream& err);
};

}  // namespace loyalty::hq
