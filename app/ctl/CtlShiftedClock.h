#pragma once

#include "time/Clock.h"

namespace loyalty {

// loyalty-ctl's clock with --clock-offset applied: the integration tests play a till whose clock is
// hours off, for its sales' times and its request timestamps alike.
class CtlShiftedClock final : public Clock
{
public:
    CtlShiftedClock(const Clock& base, qint64 offsetSeconds)
        : m_base(base)
        , m_offsetSeconds(offsetSeconds)
    {
    }

    QDateTime now() const override { return m_base.now().addSecs(m_offsetSeconds); }

private:
    const Clock& m_base;
    qint64 m_offsetSeconds;
};

}  // namespace loyalty
