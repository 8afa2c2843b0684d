#include "HqProcess.h"

#include "IntegrationPaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <utility>

HqProcess::HqProcess(QString database, QString directory)
    : m_database(std::move(database))
    , m_directory(std::move(directory))
{
}

HqProcess::~HqProcess()
{
    if (isRunning())
        kill();
}

ProcessRun HqProcess::cli(const QString& database, const QStringList& arguments, int timeoutMs)
{
    return ProcessRun::run(QStringLiteral(LOYALTY_HQ_PATH), QStringList{QStringLiteral("--db"), database} + arguments,
                           timeoutMs);
}

void HqProcess::useTls(const QString& certificateFile, const QString& keyFile)
{
    m_transport = Transport::Tls;
    m_certificate = certificateFile;
    m_key = keyFile;
}

bool HqProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool HqProcess::start(quint16 port)
{
    if (isRunning()) {
        m_error = QStringLiteral("head office is already running");
        return false;
    }
    QStringList arguments{QStringLiteral("--db"), m_database, QStringLiteral("serve"), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:%1").arg(port)};
    if (m_transport == Transport::PlainHttp)
        arguments << QStringLiteral("--plain-http");
    else
        arguments << QStringLiteral("--cert") << m_certificate << QStringLiteral("--key") << m_key;

    static const QRegularExpression listening(
        QStringLiteral("^loyalty-hq listening on (https?)://([^:/\\s]+):(\\d+)\\s*$"),
        QRegularExpression::MultilineOption);
    // A port just given up by a killed head office may take a moment to be free again.
    const int attempts = port == 0 ? 1 : 20;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        // Each start writes files of its own, so the listening line found is this start's.
        ++m_starts;
        const QString outFile = QDir(m_directory).filePath(QStringLiteral("hq-%1.out").arg(m_starts));
        const QString errFile = QDir(m_directory).filePath(QStringLiteral("hq-%1.err").arg(m_starts));
        m_process = std::make_unique<QProcess>();
        m_process->setStandardOutputFile(outFile);
        m_process->setStandardErrorFile(errFile);
        if (!ProcessRun::startPatiently(*m_process, QStringLiteral(LOYALTY_HQ_PATH), arguments)) {
            m_error = QStringLiteral("loyalty-hq did not start: %1").arg(m_process->errorString());
            return false;
        }
        QDeadlineTimer deadline(60'000);
        while (!deadline.hasExpired()) {
            QFile file(outFile);
            if (file.open(QIODevice::ReadOnly)) {
                const QRegularExpressionMatch match = listening.match(QString::fromUtf8(file.readAll()));
                if (match.hasMatch()) {
                    m_port = match.captured(3).toUShort();
                    m_url = QStringLiteral("%1://127.0.0.1:%2").arg(match.captured(1)).arg(m_port);
                    return true;
                }
            }
            if (m_process->state() == QProcess::NotRunning)
                break;
            QThread::msleep(20);
        }
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(10'000);
            m_error = QStringLiteral("loyalty-hq printed no listening line within 60 s. %1").arg(log());
            return false;
        }
        m_error = QStringLiteral("loyalty-hq exited (%1) before listening. %2").arg(m_process->exitCode()).arg(log());
        QThread::msleep(250);
    }
    return false;
}

bool HqProcess::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate();
    if (!m_process->waitForFinished(30'000)) {
        m_error = QStringLiteral("loyalty-hq did not exit within 30 s of SIGTERM");
        kill();
        return false;
    }
    return true;
}

void HqProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(30'000);
}

bool HqProcess::restart()
{
    if (isRunning() && !stop())
        return false;
    return start(m_port);
}

QString HqProcess::log() const
{
    QString text;
    for (int start = 1; start <= m_starts; ++start) {
        for (const char* stream : {"out", "err"}) {
            QFile file(QDir(m_directory).filePath(QStringLiteral("hq-%1.%2").arg(start).arg(QLatin1String(stream))));
            if (file.open(QIODevice::ReadOnly))
                text += QStringLiteral("[loyalty-hq start %1 std%2] ").arg(start).arg(QLatin1String(stream)) +
                        QString::fromUtf8(file.readAll().right(4000)) + QLatin1Char('\n');
        }
    }
    return text;
}
