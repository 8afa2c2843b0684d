// The reports page offscreen on a till with a sales history: it computes on its worker, shows the
// same figures the core report gives (as text in the locale, German included), fills its charts,
// follows the period picker from the keyboard, and exports the CSV to the chosen file.
#include "ReportTestData.h"
#include "manager/reports/ReportsPage.h"
#include "money/MoneyFormatter.h"
#include "reports/BranchReport.h"
#include "reports/ReportCsv.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>

using namespace loyalty;
using namespace loyalty::test;

class TestReportsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void pageShowsTheReportOfTheLast30Days();
    void periodPickerFromTheKeyboard();
    void germanFormatsMoneyAndPercent();
    void exportWritesTheCsv();
    void missingDatabaseIsSaid();
    void screenshotOfTheYear();

private:
    static QString label(const ReportsPage& page, const QString& key);

    ReportTestTill m_till;
    QLocale m_locale;  // the default the test started with
};

void TestReportsPage::initTestCase()
{
    DemoHistory::Options options;
    options.days = 40;
    options.minSalesPerDay = 10;
    options.maxSalesPerDay = 20;
    options.memberPool = 50;
    QVERIFY(m_till.build(100, options));
}

void TestReportsPage::cleanup()
{
    QLocale::setDefault(m_locale);
}

QString TestReportsPage::label(const ReportsPage& page, const QString& key)
{
    const auto* found = page.findChild<QLabel*>(key + QStringLiteral("Label"));
    return found ? found->text() : QStringLiteral("<no label %1>").arg(key);
}

void TestReportsPage::pageShowsTheReportOfTheLast30Days()
{
    ReportsPage page(m_till.database->path(), m_till.clock);
    QSignalSpy shown(&page, &ReportsPage::reportShown);
    page.resize(1280, 900);
    page.show();
    QVERIFY(page.isBusy());
    QVERIFY(page.findChild<QWidget*>(QStringLiteral("busyBar"))->isVisible());
    QVERIFY(shown.wait(20000));
    QVERIFY(!page.isBusy());
    QVERIFY(!page.findChild<QWidget*>(QStringLiteral("busyBar"))->isVisible());
    QVERIFY(page.figures().has_value());

    const QDate today = m_till.clock.now().toLocalTime().date();
    const ReportPeriod expected = ReportPeriod::days(today.addDays(-29), today);
    QCOMPARE(page.selectedPeriod().from, expected.from);
    const auto core = BranchReport::computeFor(*m_till.database, expected);
    QVERIFY(core.ok());
    const BranchFigures& f = *page.figures();
    QCOMPARE(f.sales, core->sales);
    QCOMPARE(f.revenueMinor, core->revenueMinor);
    QVERIFY(f.sales > 200);

    const QLocale c;
    QCOMPARE(label(page, QStringLiteral("sales")), c.toString(core->sales));
    QCOMPARE(label(page, QStringLiteral("memberSales")), c.toString(core->memberSales));
    QCOMPARE(label(page, QStringLiteral("revenue")),
             MoneyFormatter(c).format(Money(core->revenueMinor, QStringLiteral("EUR"))));
    QCOMPARE(label(page, QStringLiteral("pointsIssued")), c.toString(core->pointsIssued));
    QCOMPARE(label(page, QStringLiteral("activeMembers")), c.toString(core->activeMembers));
    QVERIFY(label(page, QStringLiteral("classA")).contains(c.toString(core->classA.members)));
    QVERIFY(label(page, QStringLiteral("retention")).contains(c.toString(core->retainedMembers)));
    const auto* rewards = page.findChild<QLabel*>(QStringLiteral("rewardsTextLabel"));
    QVERIFY(rewards);
    QVERIFY(!core->topRewards.isEmpty());
    QVERIFY(rewards->text().contains(core->topRewards.first().name));

    // Every chart has values: the points, ABC and rewards charts bars, the revenue of 30 days
    // areas over time whose upper edge is the day's whole revenue.
    const QList<QChartView*> views = page.findChildren<QChartView*>();
    QCOMPARE(views.size(), 4);
    int barCharts = 0;
    QList<QAreaSeries*> areas;
    for (QChartView* view : views) {
        QVERIFY(view->chart());
        QVERIFY(!view->chart()->series().isEmpty());
        QVERIFY(!view->accessibleDescription().isEmpty());
        for (QAbstractSeries* series : view->chart()->series()) {
            if (auto* bars = qobject_cast<QAbstractBarSeries*>(series)) {
                ++barCharts;
                QVERIFY(bars->barSets().first()->count() > 0);
            } else if (auto* area = qobject_cast<QAreaSeries*>(series)) {
                areas.append(area);
            }
        }
    }
    QCOMPARE(barCharts, 3);
    QCOMPARE(areas.size(), 2);
    QAreaSeries* others = areas[0]->lowerSeries() ? areas[0] : areas[1];
    QVERIFY(others->lowerSeries());
    QCOMPARE(others->upperSeries()->count(), 30);
    double drawn = 0;
    for (const QPointF& point : others->upperSeries()->points())
        drawn += point.y();
    QCOMPARE(qRound64(drawn * 100), core->revenueMinor);
}

void TestReportsPage::periodPickerFromTheKeyboard()
{
    ReportsPage page(m_till.database->path(), m_till.clock);
    QSignalSpy shown(&page, &ReportsPage::reportShown);
    page.show();
    QVERIFY(shown.wait(20000));
    auto* combo = page.findChild<QComboBox*>(QStringLiteral("periodCombo"));
    QVERIFY(combo);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);  // last 30 days → this year
    QCOMPARE(combo->currentIndex(), 4);
    QVERIFY(page.isBusy());
    QVERIFY(shown.wait(20000));
    const QDate today = m_till.clock.now().toLocalTime().date();
    QCOMPARE(page.figures()->period.from, QDate(today.year(), 1, 1).startOfDay());
    QVERIFY(page.figures()->weekly);
    QCOMPARE(page.figures()->sales, m_till.history.sales);

    QTest::keyClick(combo, Qt::Key_Up);
    QTest::keyClick(combo, Qt::Key_Up);
    QTest::keyClick(combo, Qt::Key_Up);
    QTest::keyClick(combo, Qt::Key_Up);  // today: the history ends yesterday
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(shown.wait(20000));
    QCOMPARE(page.figures()->sales, 0);
    QCOMPARE(label(page, QStringLiteral("sales")), QStringLiteral("0"));

    // Custom days: the date fields open up, Return in one of them computes the span.
    auto* from = page.findChild<QDateEdit*>(QStringLiteral("fromDateEdit"));
    auto* to = page.findChild<QDateEdit*>(QStringLiteral("toDateEdit"));
    QVERIFY(from && to);
    QVERIFY(!from->isEnabled());
    QTest::keyClick(combo, Qt::Key_End);
    QCOMPARE(combo->currentIndex(), 5);
    QVERIFY(from->isEnabled() && to->isEnabled());
    from->setDate(today.addDays(-12));
    to->setDate(today.addDays(-10));
    to->setFocus();
    QTest::keyClick(to, Qt::Key_Return);
    QVERIFY(shown.wait(20000));
    const ReportPeriod custom = ReportPeriod::days(today.addDays(-12), today.addDays(-10));
    QCOMPARE(page.figures()->period.from, custom.from);
    QCOMPARE(page.figures()->period.to, custom.to);
    const auto core = BranchReport::computeFor(*m_till.database, custom);
    QVERIFY(core.ok());
    QCOMPARE(page.figures()->sales, core->sales);
    QVERIFY(core->sales > 0);
    QCOMPARE(page.figures()->series.size(), 3);

    // The show button computes again from the keyboard too.
    auto* show = page.findChild<QPushButton*>(QStringLiteral("showButton"));
    QVERIFY(show);
    show->setFocus();
    QTest::keyClick(show, Qt::Key_Space);
    QVERIFY(page.isBusy());
    QVERIFY(shown.wait(20000));
    QCOMPARE(page.figures()->sales, core->sales);
}

void TestReportsPage::germanFormatsMoneyAndPercent()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    ReportsPage page(m_till.database->path(), m_till.clock);
    QSignalSpy shown(&page, &ReportsPage::reportShown);
    page.show();
    QVERIFY(shown.wait(20000));
    const BranchFigures& f = *page.figures();
    const QString revenue = label(page, QStringLiteral("revenue"));
    QCOMPARE(revenue, MoneyFormatter(QLocale()).format(Money(f.revenueMinor, QStringLiteral("EUR"))));
    QVERIFY2(revenue.endsWith(QStringLiteral("€")) && revenue.contains(QLatin1Char(',')), qPrintable(revenue));
    QVERIFY(f.revenueMinor > 100000);
    QVERIFY2(revenue.contains(QLatin1Char('.')), qPrintable(revenue));  // thousands grouped
    const QString share = label(page, QStringLiteral("memberShare"));
    QCOMPARE(share, QStringLiteral("%1,%2 %").arg(f.memberSharePermille / 10).arg(f.memberSharePermille % 10));
}

void TestReportsPage::exportWritesTheCsv()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ReportsPage page(m_till.database->path(), m_till.clock);
    QString suggested;
    page.setFileChooser([&](QWidget*, const QString& name) {
        suggested = name;
        return dir.filePath(name);
    });
    QSignalSpy shown(&page, &ReportsPage::reportShown);
    QSignalSpy exported(&page, &ReportsPage::exported);
    page.show();
    auto* button = page.findChild<QPushButton*>(QStringLiteral("exportButton"));
    QVERIFY(button);
    QVERIFY(!button->isEnabled());  // nothing to export before the first report
    QVERIFY(shown.wait(20000));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(exported.size(), 1);
    QCOMPARE(suggested, ReportCsv::defaultFileName(page.figures()->period));
    QFile file(dir.filePath(suggested));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QCOMPARE(csv, ReportCsv::toCsv(*page.figures()));
    const QByteArray salesRow = QByteArray("sales,") + QByteArray::number(page.figures()->sales) + QByteArray("\r\n");
    QVERIFY(csv.contains(salesRow));

    // Cancelling the file dialog writes nothing.
    page.setFileChooser([](QWidget*, const QString&) { return QString(); });
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(exported.size(), 1);
}

void TestReportsPage::missingDatabaseIsSaid()
{
    QTemporaryDir dir;
    ReportsPage page(dir.filePath(QStringLiteral("none.db")), m_till.clock);
    QSignalSpy failed(&page, &ReportsPage::reportFailed);
    QVERIFY(failed.wait(20000));
    QVERIFY(!page.isBusy());
    QVERIFY(!page.figures());
    QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("exportButton"))->isEnabled());
    QVERIFY(!page.findChild<QLabel*>(QStringLiteral("statusLabel"))->text().isEmpty());
}

// A picture of the page for the guides and reviews: "this year" in German, saved in the test's
// working directory (the build tree), or in LOYALTY_SCREENSHOT_DIR when set.
void TestReportsPage::screenshotOfTheYear()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    ReportsPage page(m_till.database->path(), m_till.clock);
    QSignalSpy shown(&page, &ReportsPage::reportShown);
    page.resize(1366, 1000);
    page.show();
    QVERIFY(shown.wait(20000));
    page.findChild<QComboBox*>(QStringLiteral("periodCombo"))->setCurrentIndex(4);
    QVERIFY(shown.wait(20000));
    const QImage image = page.grab().toImage();
    QCOMPARE(image.size(), QSize(1366, 1000));
    QVERIFY2(image.pixel(10, 10) != image.pixel(700, 300) || image.pixel(10, 10) != image.pixel(300, 600),
             "the page is not blank");
    const QString folder = qEnvironmentVariableIsSet("LOYALTY_SCREENSHOT_DIR")
                               ? qEnvironmentVariable("LOYALTY_SCREENSHOT_DIR")
                               : QDir::currentPath();
    QVERIFY(image.save(QDir(folder).filePath(QStringLiteral("reports-page.png"))));
}

QTEST_MAIN(TestReportsPage)
#include "TestReportsPage.moc"
