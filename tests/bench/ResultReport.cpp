#include "ResultReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <algorithm>
#include <thread>

namespace loyalty::bench {

namespace {

QString number(double value)
{
    if (value >= 1000)
        return QString::number(value, 'f', 0);
    if (value >= 10)
        return QString::number(value, 'f', 1);
    return QString::number(value, 'f', 3);
}

int cores()
{
    return int(std::thread::hardware_concurrency());
}

}  // namespace

ResultReport::ResultReport(QList<FigureResult> results, bool tiny)
    : m_results(std::move(results))
    , m_tiny(tiny)
{
}

bool ResultReport::allMet() const
{
    return std::all_of(m_results.cbegin(), m_results.cend(), [](const FigureResult& r) { return r.met; });
}

QString ResultReport::table() const
{
    QString out = QStringLiteral("loyalty-bench%1 on %2 cores, %3 (%4)\n\n")
                      .arg(m_tiny ? QStringLiteral(" --tiny") : QString())
                      .arg(cores())
                      .arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture());
    out += QStringLiteral(
        "| figure | unit | median | p99 | max | n | target | met |\n|---|---|---|---|---|---|---|---|\n");
    for (const FigureResult& r : m_results) {
        if (!r.error.isEmpty()) {
            out += QStringLiteral("| %1 | | | | | | %2 | NOT MEASURED: %3 |\n").arg(r.title, r.target, r.error);
            continue;
        }
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                   .arg(r.title, r.unit, number(r.median), number(r.p99), number(r.max), QString::number(r.samples),
                        r.target, r.met ? QStringLiteral("yes") : QStringLiteral("NO"));
    }
    out += QStringLiteral("\nHow each figure was measured:\n");
    for (const FigureResult& r : m_results) {
        if (r.how.isEmpty())
            continue;
        out += QStringLiteral("- %1: %2\n").arg(r.name, r.how);
        if (!r.comparison.isEmpty())
            out += QStringLiteral("  %1\n").arg(r.comparison);
    }
    return out;
}

QByteArray ResultReport::json() const
{
    QJsonArray figures;
    for (const FigureResult& r : m_results) {
        QJsonObject figure{{QStringLiteral("name"), r.name},       {QStringLiteral("title"), r.title},
                           {QStringLiteral("unit"), r.unit},       {QStringLiteral("median"), r.median},
                           {QStringLiteral("p99"), r.p99},         {QStringLiteral("max"), r.max},
                           {QStringLiteral("samples"), r.samples}, {QStringLiteral("target"), r.target},
                           {QStringLiteral("met"), r.met},         {QStringLiteral("how"), r.how}};
        if (!r.comparison.isEmpty())
            figure.insert(QStringLiteral("naive"), r.comparison);
        if (!r.error.isEmpty())
            figure.insert(QStringLiteral("error"), r.error);
        figures.append(figure);
    }
    const QJsonObject root{{QStringLiteral("cores"), cores()},
                           {QStringLiteral("tiny"), m_tiny},
                           {QStringLiteral("machine"), QSysInfo::prettyProductName()},
                           {QStringLiteral("figures"), figures}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace loyalty::bench
