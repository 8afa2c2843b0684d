#pragma once

#include "reports/BranchFigures.h"

#include <QCoreApplication>

class QChart;

namespace loyalty {

class ReportText;

// The report's charts, built from its figures. Bars carry their numbers as labels, series have
// names in the legend, so no figure is told by colour alone; chart values are doubles for drawing
// only, the page's text shows the exact amounts.
class ReportCharts final
{
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)

public:
    // Up to this many days or weeks the revenue is drawn as named bars, beyond as areas over time.
    static constexpr qsizetype kMaxBars = 14;

    // Revenue per day (or week), members and others stacked.
    static QChart* revenue(const BranchFigures& figures, const ReportText& text);
    // Points issued, redeemed and expired.
    static QChart* points(const BranchFigures& figures);
    // Share of member revenue of the A, B and C members.
    static QChart* abc(const BranchFigures& figures);
    // The most redeemed rewards, horizontal bars.
    static QChart* rewards(const BranchFigures& figures);
};

}  // namespace loyalty
