#include "manager/reports/ReportCharts.h"

#include "manager/reports/ReportText.h"
#include "money/CurrencyInfo.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace loyalty {

namespace {

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

void attach(QChart* chart, QAbstractBarSeries* series, QAbstractAxis* categories, Qt::Alignment categoryAlignment,
            Qt::Alignment valueAlignment)
{
    chart->addSeries(series);
    auto* values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(categories, categoryAlignment);
    chart->addAxis(values, valueAlignment);
    series->attachAxis(categories);
    series->attachAxis(values);
    // Nice numbers need the range the series gave the axis; bars start at zero.
    values->setMin(0);
    if (values->max() > 0)
        values->applyNiceNumbers();
    else
        values->setMax(1);
}

}  // namespace

QChart* ReportCharts::revenue(const BranchFigures& figures, const ReportText& text)
{
    QChart* chart = newChart(figures.weekly ? tr("Revenue per week") : tr("Revenue per day"));
    const double perMajor = double(CurrencyInfo::of(figures.currency).minorPerMajor);
    if (figures.series.size() <= kMaxBars) {
        auto* members = new QBarSet(tr("Members"));
        auto* others = new QBarSet(tr("Others"));
        QStringList categories;
        for (const BranchFigures::RevenueBucket& bucket : figures.series) {
            members->append(double(bucket.memberRevenueMinor) / perMajor);
            others->append(double(bucket.otherRevenueMinor) / perMajor);
            categories.append(text.dayAndMonth(bucket.start));
        }
        auto* series = new QStackedBarSeries;
        series->append(members);
        series->append(others);
        auto* axis = new QBarCategoryAxis;
        axis->append(categories);
        attach(chart, series, axis, Qt::AlignBottom, Qt::AlignLeft);
        return chart;
    }
    // More days or weeks than bars can be named under: stacked areas over a time axis, members
    // below, the others on top of them, so the upper edge is the whole revenue.
    auto* memberLine = new QLineSeries(chart);
    auto* totalLine = new QLineSeries(chart);
    qint64 highestMinor = 0;
    for (const BranchFigures::RevenueBucket& bucket : figures.series) {
        highestMinor = std::max(highestMinor, bucket.memberRevenueMinor + bucket.otherRevenueMinor);
        const auto at = double(bucket.start.startOfDay().toMSecsSinceEpoch());
        memberLine->append(at, double(bucket.memberRevenueMinor) / perMajor);
        totalLine->append(at, double(bucket.memberRevenueMinor + bucket.otherRevenueMinor) / perMajor);
    }
    auto* members = new QAreaSeries(memberLine);
    members->setName(tr("Members"));
    auto* others = new QAreaSeries(totalLine, memberLine);
    others->setName(tr("Others"));
    auto* axis = new QDateTimeAxis;
    axis->setFormat(text.dayAndMonthFormat());
    axis->setTickCount(int(std::min<qsizetype>(figures.series.size(), 13)));
    chart->addSeries(members);
    chart->addSeries(others);
    auto* values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axis, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QAbstractSeries* series : {static_cast<QAbstractSeries*>(members), static_cast<QAbstractSeries*>(others)}) {
        series->attachAxis(axis);
        series->attachAxis(values);
    }
    // The axis takes its range from the first area only; the top is the highest whole revenue.
    values->setRange(0, highestMinor > 0 ? double(highestMinor) / perMajor : 1.0);
    values->applyNiceNumbers();
    return chart;
}

QChart* ReportCharts::points(const BranchFigures& figures)
{
    QChart* chart = newChart(tr("Points in the period"));
    auto* set = new QBarSet(tr("Points"));
    *set << double(figures.pointsIssued) << double(figures.pointsRedeemed) << double(figures.pointsExpired);
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(12);
    auto* axis = new QBarCategoryAxis;
    axis->append({tr("Issued"), tr("Redeemed"), tr("Expired")});
    attach(chart, series, axis, Qt::AlignBottom, Qt::AlignLeft);
    chart->legend()->hide();
    return chart;
}

QChart* ReportCharts::abc(const BranchFigures& figures)
{
    QChart* chart = newChart(tr("Member revenue by ABC class (%)"));
    auto* set = new QBarSet(tr("Share of member revenue"));
    for (const BranchFigures::AbcClass* klass : {&figures.classA, &figures.classB, &figures.classC})
        *set << double(klass->revenueSharePermille) / 10.0;
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    auto* axis = new QBarCategoryAxis;
    // The members of each class are in the text beside the chart.
    axis->append({tr("A"), tr("B"), tr("C")});
    attach(chart, series, axis, Qt::AlignBottom, Qt::AlignLeft);
    chart->legend()->hide();
    return chart;
}

QChart* ReportCharts::rewards(const BranchFigures& figures)
{
    QChart* chart = newChart(tr("Rewards redeemed"));
    auto* set = new QBarSet(tr("Times redeemed"));
    QStringList names;
    // Horizontal bars run bottom-up; the most redeemed goes on top.
    for (qsizetype i = figures.topRewards.size() - 1; i >= 0; --i) {
        *set << double(figures.topRewards[i].times);
        names.append(figures.topRewards[i].name);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    auto* axis = new QBarCategoryAxis;
    axis->append(names);
    attach(chart, series, axis, Qt::AlignLeft, Qt::AlignBottom);
    chart->legend()->hide();
    return chart;
}

}  // namespace loyalty
