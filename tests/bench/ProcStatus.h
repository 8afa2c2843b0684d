#pragma once

#include <QString>
#include <QtGlobal>

namespace loyalty::bench {

// Memory figures of a process from /proc/PID/status (Linux): VmRSS now, VmHWM the peak resident set.
class ProcStatus final
{
public:
    // The field in kB, or -1 when the process or the field is not there. pid 0: this process.
    static qint64 kilobytes(qint64 pid, const QString& field);
};

}  // namespace loyalty::bench
