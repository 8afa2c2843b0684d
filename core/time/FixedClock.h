#pragma once

#include "time/Clock.h"

namespace loyalty {

// A clock that stands still until told to move: for tests and reproducible demo data.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(const QDateTime& at)
        : m_now(at)
    {
    }

    QDateTime now() const override { return m_now; }
    void set(const QDateTime& at) { m_now = at; }
    void advanceSeconds(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

}  // namespace loyalty
