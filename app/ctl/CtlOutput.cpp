#include "CtlOutput.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace loyalty {

CtlOutput::CtlOutput(bool json)
    : m_json(json)
{
}

void CtlOutput::printReport(const CtlReport& report) const
{
    if (m_json) {
        QTextStream out(stdout);
        out << QString::fromUtf8(QJsonDocument(report.json).toJson(QJsonDocument::Indented));
        return;
    }
    printText(report.text);
}

void CtlOutput::printText(const QString& text) const
{
    QTextStream out(stdout);
    out << text;
    if (!text.endsWith(u'\n'))
        out << u'\n';
}

void CtlOutput::printError(const QString& message) const
{
    // Messages from the core are single lines; keep it that way whatever they quote (e.g. an SQLite text).
    QTextStream err(stderr);
    err << QCoreApplication::applicationName() << QStringLiteral(": ") << message.simplified() << u'\n';
}

}  // namespace loyalty
