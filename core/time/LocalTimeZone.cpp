#include "time/LocalTimeZone.h"

#include <QByteArray>
#include <QtGlobal>

#include <ctime>

namespace loyalty {

void LocalTimeZone::pinForThisProcess()
{
    if (qEnvironmentVariableIsSet("TZ"))
        return;
    // Qt's own time-zone code treats ":/etc/localtime" as "the system zone" too.
    qputenv("TZ", QByteArrayLiteral(":/etc/localtime"));
    tzset();
}

}  // namespace loyalty
