#include "FsyncProbe.h"

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <fcntl.h>
#include <unistd.h>

namespace loyalty::bench {

SampleSet FsyncProbe::measure(const QString& directory, int count)
{
    SampleSet samples;
    const QString path = QDir(directory).filePath(QStringLiteral("fsync-probe.bin"));
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return samples;
    const QByteArray block(4096, 'x');
    for (int i = 0; i < count; ++i) {
        // Start again now and then, so the file stays small like a checkpointed WAL.
        if (i % 256 == 0 && (::ftruncate(fd, 0) != 0 || ::lseek(fd, 0, SEEK_SET) != 0 || ::fsync(fd) != 0))
            break;
        QElapsedTimer timer;
        timer.start();
        if (::write(fd, block.constData(), size_t(block.size())) != block.size() || ::fsync(fd) != 0)
            break;
        samples.add(double(timer.nsecsElapsed()) / 1e6);
    }
    ::close(fd);
    QFile::remove(path);
    return samples;
}

}  // namespace loyalty::bench
