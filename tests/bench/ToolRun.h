#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace loyalty::bench {

// One run of a project binary (loyalty-ctl, loyalty-hq) to completion, with what it printed.
struct ToolRun
{
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    bool succeeded() const { return finished && exitCode == 0; }
    QJsonObject json() const;  // the last line of stdout that is a JSON object
    QString describe() const;

    static ToolRun run(const QString& program, const QStringList& arguments, int timeoutMs = 3'600'000);
};

}  // namespace loyalty::bench
