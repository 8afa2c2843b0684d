#include "HqOutput.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

namespace loyalty::hq {

HqOutput::HqOutput(bool json)
    : m_json(json)
{
}

void HqOutput::printReport(const HqReport& report) const
{
    if (m_json) {
        QTextStream out(stdout);
        out << QString::fromUtf8(QJsonDocument(report.json).toJson(QJsonDocument::Indented));
        return;
    }
    printText(report.text);
}

void HqOutput::printText(const QString& text) const
{
    QTextStream out(stdout);
    out << text;
    if (!text.endsWith(u'\n'))
        out << u'\n';
}

void HqOutput::printError(const QString& message) const
{
    // Import errors come one per line; every other message is one line whatever it quotes.
    QTextStream err(stderr);
    const QStringList lines = message.split(u'\n');
    for (const QString& line : lines)
        err << QCoreApplication::applicationName() << QStringLiteral(": ") << line.simplified() << u'\n';
}

}  // namespace loyalty::hq
