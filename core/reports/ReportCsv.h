#pragma once

#include "common/Result.h"
#include "reports/BranchFigures.h"

#include <QCoreApplication>
#include <QStringList>

namespace loyalty {

// A branch report as CSV (RFC 4180: comma separated, CRLF line ends, fields with a comma, quote or
// line break quoted, quotes doubled), UTF-8 for spreadsheets. Sections follow each other, each
// with a header row: the figures (label, stable key, value), the ABC classes, the top rewards and
// the revenue series. Amounts are plain decimals of the currency ("1234.56", no grouping, no
// symbol) written from the minor units by integer arithmetic; ratios are per mille as integers.
class ReportCsv final
{
    Q_DECLARE_TR_FUNCTIONS(ReportCsv)

public:
    static QByteArray toCsv(const BranchFigures& figures);
    // Written whole or not at all (QSaveFile).
    static Result<Done> write(const BranchFigures& figures, const QString& path);

    static QString field(const QString& text);
    static QString row(const QStringList& fields);
    static QString decimal(qint64 minorUnits, const QString& currency);
    // "branch-report-2026-01-01-to-2026-12-31.csv": the last day is the period's last whole day.
    static QString defaultFileName(const ReportPeriod& period);
};

}  // namespace loyalty
