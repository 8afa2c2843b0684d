#include "BenchHq.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <unistd.h>

namespace loyalty::bench {

BenchHq::BenchHq(QString program, QString database, QString logDirectory)
    : m_program(std::move(program))
    , m_database(std::move(database))
    , m_logDirectory(std::move(logDirectory))
{
}

BenchHq::~BenchHq()
{
    stop();
}

bool BenchHq::start()
{
    QDir().mkpath(m_logDirectory);
    const QString outFile = QDir(m_logDirectory).filePath(QStringLiteral("hq.out"));
    const QString errFile = QDir(m_logDirectory).filePath(QStringLiteral("hq.err"));
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(outFile);
    m_process->setStandardErrorFile(errFile);
    m_process->start(m_program,
                     {QStringLiteral("--db"), m_database, QStringLiteral("serve"), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--plain-http")});
    if (!m_process->waitForStarted(30'000)) {
        m_error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("loyalty-hq listening on (http://[^\\s]+)"));
    const QDeadlineTimer deadline(120'000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        QFile file(outFile);
        if (file.open(QIODevice::ReadOnly)) {
            const auto match = listening.match(QString::fromUtf8(file.readAll()));
            if (match.hasMatch()) {
                m_url = match.captured(1);
                return true;
            }
        }
        QThread::msleep(20);
    }
    QFile err(errFile);
    m_error = QStringLiteral("loyalty-hq did not listen: %1")
                  .arg(err.open(QIODevice::ReadOnly) ? QString::fromUtf8(err.readAll().right(2000)) : QString());
    stop();
    return false;
}

double BenchHq::cpuSeconds() const
{
    return cpuSecondsOf(processId());
}

double BenchHq::cpuSecondsOf(qint64 pid)
{
    if (pid <= 0)
        return 0;
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / ticks;
}

void BenchHq::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(30'000)) {
        m_process->kill();
        m_process->waitForFinished(10'000);
    }
}

}  // namespace loyalty::bench
