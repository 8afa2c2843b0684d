#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QThread>

// One finished run of a real program (loyalty-ctl, loyalty-hq): its exit code and both output streams.
struct ProcessRun
{
    QString program;
    QStringList arguments;
    int exitCode = -1;
    bool finishedNormally = false;
    QByteArray out;
    QByteArray err;

    bool succeeded() const { return finishedNormally && exitCode == 0; }

    // For failure messages: what was run and what it said.
    QString describe() const
    {
        return QStringLiteral("`%1 %2` → %3, stdout: %4, stderr: %5")
            .arg(program.section(QLatin1Char('/'), -1), arguments.join(QLatin1Char(' ')),
                 finishedNormally ? QStringLiteral("exit %1").arg(exitCode) : QStringLiteral("did not finish normally"),
                 QString::fromUtf8(out.left(1500)), QString::fromUtf8(err.left(1500)));
    }

    // Standard output as the one JSON object --json promises; an empty object if it is not one.
    QJsonObject json() const
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(out, &error);
        return error.error == QJsonParseError::NoError && document.isObject() ? document.object() : QJsonObject{};
    }
    bool isJsonObject() const
    {
        QJsonParseError error;
        return QJsonDocument::fromJson(out, &error).isObject() && error.error == QJsonParseError::NoError;
    }

    // Starts `process`; while the binary is being relinked (another build in the same tree, which
    // leaves it unexecutable for a moment) it waits and tries again for up to a minute.
    static bool startPatiently(QProcess& process, const QString& program, const QStringList& arguments)
    {
        for (int attempt = 0; attempt < 60; ++attempt) {
            process.start(program, arguments);
            if (process.waitForStarted(30'000))
                return true;
            if (process.error() != QProcess::FailedToStart)
                return false;
            QThread::msleep(1000);
        }
        return false;
    }

    static ProcessRun run(const QString& program, const QStringList& arguments, int timeoutMs = 600'000,
                          const QString& workingDirectory = {})
    {
        ProcessRun run;
        run.program = program;
        run.arguments = arguments;
        QProcess process;
        if (!workingDirectory.isEmpty())
            process.setWorkingDirectory(workingDirectory);
        if (!startPatiently(process, program, arguments)) {
            run.err = "could not start: " + process.errorString().toUtf8();
            return run;
        }
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(10'000);
            run.out = process.readAllStandardOutput();
            run.err =
                "did not finish within " + QByteArray::number(timeoutMs) + " ms; " + process.readAllStandardError();
            return run;
        }
        run.finishedNormally = process.exitStatus() == QProcess::NormalExit;
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }
};
