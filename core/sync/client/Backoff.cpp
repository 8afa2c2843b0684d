#include "sync/client/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace loyalty::sync {

Backoff::Backoff(std::function<double()> uniform)
    : m_uniform(std::move(uniform))
{
    if (!m_uniform)
        m_uniform = [] { return QRandomGenerator::global()->generateDouble(); };
}

qint64 Backoff::ceilingMs(int failures)
{
    if (failures <= 1)
        return kBaseMs;
    // 2^19 s is far beyond the cap; stop doubling there so the shift cannot overflow.
    const int doublings = std::min(failures - 1, 19);
    return std::min(kCapMs, kBaseMs << doublings);
}

qint64 Backoff::delayMs(int failures, std::optional<qint64> retryAfterMs) const
{
    const double unit = std::clamp(m_uniform(), 0.0, 1.0);
    const qint64 jittered = std::llround(unit * double(ceilingMs(failures)));
    if (!retryAfterMs || *retryAfterMs <= 0)
        return jittered;
    return std::max(jittered, std::min(*retryAfterMs, kMaxRetryAfterMs));
}

}  // namespace loyalty::sync
