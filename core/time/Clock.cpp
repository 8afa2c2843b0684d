#include "time/Clock.h"

namespace loyalty {

QString Clock::nowIso() const
{
    return now().toUTC().toString(Qt::ISODateWithMs);
}

}  // namespace loyalty
