#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>

namespace loyalty::sync {

// How long to wait before the next attempt after a failure (docs/sync-protocol.md, error table):
// exponential with full jitter, 1 s doubling to a 300 s cap, never sooner than a Retry-After.
// Full jitter spreads the tills of a chain that all lost head office at once, so they do not
// come back in lockstep. The random source is injectable so tests can pin the bounds.
class Backoff final
{
public:
    static constexpr qint64 kBaseMs = 1000;
    static constexpr qint64 kCapMs = 300'000;
    // A Retry-After beyond this is taken as this: a misconfigured proxy must not park a till for days.
    static constexpr qint64 kMaxRetryAfterMs = 3'600'000;

    // `uniform` returns a number in [0, 1); the default is the system's random generator.
    explicit Backoff(std::function<double()> uniform = {});

    // The ceiling of the delay after `failures` consecutive failures (1 for the first): 1 s, 2 s,
    // 4 s ... up to the cap.
    static qint64 ceilingMs(int failures);
    // A delay in [0, ceilingMs(failures)], or at least `retryAfterMs` when head office said so.
    qint64 delayMs(int failures, std::optional<qint64> retryAfterMs = std::nullopt) const;

private:
    std::function<double()> m_uniform;
};

}  // namespace loyalty::sync
