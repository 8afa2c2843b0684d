#pragma once

#include "ProcessRun.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// The real `loyalty-hq serve` process for one scenario: started on port 0 (it picks a free one and says
// which on its first stdout line), stopped with SIGTERM, killed with SIGKILL, restarted on the same
// port and database. Its stdout and stderr go to files in the scenario's directory, so a chatty head
// office never blocks on a full pipe while the test thread waits for something else, and a failing
// test can show them.
class HqProcess final
{
public:
    enum class Transport
    {
        PlainHttp,  // --plain-http, for the fault-injection proxy (which speaks HTTP)
        Tls,        // --cert/--key
    };

    HqProcess(QString database, QString directory);
    ~HqProcess();
    Q_DISABLE_COPY_MOVE(HqProcess)

    // Runs `loyalty-hq --db DATABASE ARGUMENTS...` to completion (terminal add, demo, balance, stats, …).
    static ProcessRun cli(const QString& database, const QStringList& arguments, int timeoutMs = 600'000);
    ProcessRun cli(const QStringList& arguments, int timeoutMs = 600'000) const
    {
        return cli(m_database, arguments, timeoutMs);
    }

    void useTls(const QString& certificateFile, const QString& keyFile);

    // Starts serving on 127.0.0.1:`port` (0: any free port) and waits for the listening line.
    bool start(quint16 port = 0);
    // SIGTERM and wait for it to exit.
    bool stop();
    // SIGKILL: no chance to finish anything.
    void kill();
    // Starts again on the same port and database (after stop() or kill()).
    bool restart();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QString url() const { return m_url; }  // http://127.0.0.1:PORT or https://…
    QString database() const { return m_database; }
    QString error() const { return m_error; }
    // Everything head office printed so far (stdout and stderr of every start), for failure messages.
    QString log() const;

private:
    QString m_database;
    QString m_directory;
    Transport m_transport = Transport::PlainHttp;
    QString m_certificate;
    QString m_key;
    std::unique_ptr<QProcess> m_process;
    int m_starts = 0;
    quint16 m_port = 0;
    QString m_url;
    QString m_error;
};
