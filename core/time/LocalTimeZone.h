#pragma once

namespace loyalty {

// Makes the C library read the system's time zone once per process instead of on every local-time
// conversion. With TZ unset, glibc's mktime() (which Qt calls for every QDateTime in local time)
// stats /etc/localtime each time to see whether it changed: about 600 system calls per sale on a
// till. Naming the same file in TZ (":/etc/localtime", what glibc falls back to anyway) keeps the
// zone and its daylight-saving rules exactly as before; only a change of the machine's zone while
// the program runs is seen at its next start. A TZ the user or a test set is left alone. Call it
// first in main(), before any thread starts.
class LocalTimeZone final
{
public:
    static void pinForThisProcess();
};

}  // namespace loyalty
