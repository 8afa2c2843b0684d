#include "ToolRun.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>

namespace loyalty::bench {

QJsonObject ToolRun::json() const
{
    const QJsonDocument whole = QJsonDocument::fromJson(out);
    if (whole.isObject())
        return whole.object();
    const QList<QByteArray> lines = out.split('\n');
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        const QJsonDocument document = QJsonDocument::fromJson(*line);
        if (document.isObject())
            return document.object();
    }
    return {};
}

QString ToolRun::describe() const
{
    return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
        .arg(exitCode)
        .arg(finished ? QString() : QStringLiteral(" (did not finish)"))
        .arg(QString::fromUtf8(out.right(2000)), QString::fromUtf8(err.right(2000)));
}

ToolRun ToolRun::run(const QString& program, const QStringList& arguments, int timeoutMs)
{
    ToolRun result;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForStarted(30'000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(10'000);
    }
    result.elapsedMs = timer.elapsed();
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

}  // namespace loyalty::bench
