#pragma once

#include "reports/BranchFigures.h"

#include <QHash>
#include <QThread>
#include <QWidget>

#include <functional>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;

namespace loyalty {

class Clock;
class ReportWorker;

// The manager's branch report: a period picker (today, this week, this month, the last 30 days,
// this year, a custom span of days), the figures as text beside their charts (revenue members vs.
// others per day or week, points issued/redeemed/expired, the ABC classes, the top rewards), and
// CSV export. The report is computed on a worker thread with a database connection of its own,
// so a year of sales never freezes the screen; meanwhile a busy bar shows. Keyboard: Alt+P period,
// Alt+F/Alt+T custom days, Alt+S show again, Alt+E export (Ctrl+E too).
//
// Construction: ReportsPage(databasePath, clock, parent). `databasePath` is the till database the
// sale screen uses (Database::path()); the worker opens it itself (Database::open, MustExist).
// `clock` gives "today" for the periods and must outlive the page (and is read from the worker
// thread: a SystemClock or a FixedClock that is not moved while a report runs). The page computes
// "last 30 days" as soon as it is constructed.
class ReportsPage final : public QWidget
{
    Q_OBJECT

public:
    // Asked for the file to export to, with the suggested name; an empty answer cancels. The default
    // is a QFileDialog; tests put in their own.
    using FileChooser = std::function<QString(QWidget* parent, const QString& suggestedName)>;

    ReportsPage(const QString& databasePath, const Clock& clock, QWidget* parent = nullptr);
    ~ReportsPage() override;
    Q_DISABLE_COPY_MOVE(ReportsPage)

    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    // The period the picker stands on now.
    ReportPeriod selectedPeriod() const;
    // The figures on screen (empty before the first report arrived).
    const std::optional<BranchFigures>& figures() const { return m_figures; }
    bool isBusy() const { return m_pending != 0; }

public Q_SLOTS:
    // Computes the selected period again (new sales since).
    void refresh();
    // Asks for a file and writes the figures on screen as CSV there.
    void exportCsv();

Q_SIGNALS:
    void reportShown();
    void reportFailed(const QString& message);
    void exported(const QString& path);

private:
    QWidget* buildPicker();
    QWidget* buildSection(const QString& title, const QList<std::pair<QString, QString>>& figures, QChartView*& chart,
                          QWidget* extra = nullptr);
    void periodChosen();
    void showFigures(quint64 request, const BranchFigures& figures);
    void showFailure(quint64 request, const QString& message);
    void setValue(const QString& key, const QString& text);
    static void showText(QLabel* label, const QString& text);
    void setBusy(bool busy);
    static void replaceChart(QChartView* view, QChart* chart, const QString& description);

    const Clock& m_clock;
    QThread m_thread;
    ReportWorker* m_worker = nullptr;  // lives in m_thread, deleted when it finishes
    quint64 m_lastRequest = 0;
    quint64 m_pending = 0;  // the request on its way, 0 when none
    std::optional<BranchFigures> m_figures;
    FileChooser m_chooseFile;

    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QPushButton* m_show = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_status = nullptr;
    QChartView* m_revenueChart = nullptr;
    QChartView* m_pointsChart = nullptr;
    QChartView* m_abcChart = nullptr;
    QChartView* m_rewardsChart = nullptr;
    QLabel* m_rewardsText = nullptr;
    QHash<QString, QLabel*> m_values;
};

}  // namespace loyalty
