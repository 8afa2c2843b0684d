#pragma once

#include <QProcess>
#include <QString>

#include <memory>

namespace loyalty::bench {

// A real `loyalty-hq serve --plain-http` on 127.0.0.1 (a free port it picks and prints), its output in files.
class BenchHq final
{
public:
    BenchHq(QString program, QString database, QString logDirectory);
    ~BenchHq();
    Q_DISABLE_COPY_MOVE(BenchHq)

    bool start();
    void stop();
    QString url() const { return m_url; }
    QString error() const { return m_error; }
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    // CPU time (user + system, all threads) the server has used so far; 0 when it does not run.
    double cpuSeconds() const;
    // The same for a process id (the bench's own: `QCoreApplication::applicationPid()`).
    static double cpuSecondsOf(qint64 pid);

private:
    QString m_program;
    QString m_database;
    QString m_logDirectory;
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    QString m_error;
};

}  // namespace loyalty::bench
