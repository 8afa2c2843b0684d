#include "ProcStatus.h"

#include <QFile>

namespace loyalty::bench {

qint64 ProcStatus::kilobytes(qint64 pid, const QString& field)
{
    QFile file(pid == 0 ? QStringLiteral("/proc/self/status") : QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QByteArray prefix = field.toLatin1() + ':';
    // /proc files report a size of 0: read them whole rather than testing atEnd().
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(prefix)) {
            bool ok = false;
            const qint64 value = line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong(&ok);
            return ok ? value : -1;
        }
    }
    return -1;
}

}  // namespace loyalty::bench
