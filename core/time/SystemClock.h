#pragma once

#include "time/Clock.h"

namespace loyalty {

// The wall clock of the machine.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

}  // namespace loyalty
