#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>

// What one run of the loyalty-ctl binary gave: its exit code and both output streams.
struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    // For failure messages: what the program said when it did not do what the test expected.
    QByteArray describe() const
    {
        return "exit code " + QByteArray::number(exitCode) + ", stdout: " + out.left(400) + ", stderr: " + err;
    }
    bool errIsOneLine() const { return !err.trimmed().isEmpty() && err.count('\n') == 1 && err.endsWith('\n'); }

    // Standard output as the one JSON object --json promises; false (with a warning) otherwise.
    bool json(QJsonObject& object) const
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(out, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("not one JSON object: %s (%s)", out.left(400).constData(), qPrintable(error.errorString()));
            return false;
        }
        object = document.object();
        return true;
    }
};
