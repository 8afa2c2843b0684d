#pragma once

#include "CtlRun.h"
#include "TestPaths.h"

#include <QProcess>
#include <QStringList>

// Runs the real loyalty-ctl binary (LOYALTY_CTL_PATH) in `workingDirectory` and waits for it.
class CtlProcess final
{
public:
    static CtlRun run(const QString& workingDirectory, const QStringList& arguments)
    {
        QProcess process;
        process.setWorkingDirectory(workingDirectory);
        process.start(QStringLiteral(LOYALTY_CTL_PATH), arguments);
        CtlRun run;
        if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit) {
            run.err = "loyalty-ctl did not finish normally: " + process.errorString().toUtf8();
            return run;
        }
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }
};
