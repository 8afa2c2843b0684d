#include "manager/reports/ReportsPage.h"

#include "manager/reports/ReportCharts.h"
#include "manager/reports/ReportText.h"
#include "manager/reports/ReportWorker.h"
#include "reports/ReportCsv.h"
#include "time/Clock.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace loyalty {

namespace {

constexpr int kCustom = 5;         // index of "Custom days" in the period picker
constexpr int kDefaultPreset = 3;  // last 30 days; not 0, so that choosing it is a change

const QList<ReportPeriod::Preset>& presets()
{
    static const QList<ReportPeriod::Preset> list{ReportPeriod::Preset::Today, ReportPeriod::Preset::ThisWeek,
                                                  ReportPeriod::Preset::ThisMonth, ReportPeriod::Preset::Last30Days,
                                                  ReportPeriod::Preset::ThisYear};
    return list;
}

}  // namespace

ReportsPage::ReportsPage(const QString& databasePath, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_worker(new ReportWorker(databasePath, clock))
{
    setObjectName(QStringLiteral("reportsPage"));
    m_chooseFile = [](QWidget* owner, const QString& suggested) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        return QFileDialog::getSaveFileName(owner, tr("Export branch report"),
                                            folder.isEmpty() ? suggested : folder + QLatin1Char('/') + suggested,
                                            tr("CSV files (*.csv)"));
    };
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ReportWorker::computed, this, &ReportsPage::showFigures, Qt::QueuedConnection);
    connect(m_worker, &ReportWorker::failed, this, &ReportsPage::showFailure, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("branch report"));
    m_thread.start();

    auto* sections = new QWidget;
    auto* grid = new QGridLayout(sections);
    grid->addWidget(buildSection(tr("Sales and revenue"),
                                 {{QStringLiteral("sales"), tr("Sales")},
                                  {QStringLiteral("memberSales"), tr("… with members")},
                                  {QStringLiteral("otherSales"), tr("… without members")},
                                  {QStringLiteral("revenue"), tr("Revenue")},
                                  {QStringLiteral("memberRevenue"), tr("… with members")},
                                  {QStringLiteral("otherRevenue"), tr("… without members")},
                                  {QStringLiteral("memberShare"), tr("Member share of revenue")},
                                  {QStringLiteral("memberBasket"), tr("Average basket, members")},
                                  {QStringLiteral("otherBasket"), tr("Average basket, others")},
                                  {QStringLiteral("refunds"), tr("Returns")},
                                  {QStringLiteral("refunded"), tr("Refunded")}},
                                 m_revenueChart),
                    0, 0, 1, 2);
    grid->addWidget(buildSection(tr("Points"),
                                 {{QStringLiteral("pointsIssued"), tr("Issued")},
                                  {QStringLiteral("pointsRedeemed"), tr("Redeemed")},
                                  {QStringLiteral("pointsExpired"), tr("Expired")},
                                  {QStringLiteral("pointsOutstanding"), tr("Outstanding now")},
                                  {QStringLiteral("liability"), tr("Liability now")}},
                                 m_pointsChart),
                    1, 0);
    grid->addWidget(buildSection(tr("Members"),
                                 {{QStringLiteral("activeMembers"), tr("Active members")},
                                  {QStringLiteral("frequency"), tr("Purchases per active member")},
                                  {QStringLiteral("retention"), tr("Retention")},
                                  {QStringLiteral("classA"), tr("A members")},
                                  {QStringLiteral("classB"), tr("B members")},
                                  {QStringLiteral("classC"), tr("C members")}},
                                 m_abcChart),
                    1, 1);
    m_revenueChart->setMinimumHeight(300);
    m_rewardsText = new QLabel;
    m_rewardsText->setObjectName(QStringLiteral("rewardsTextLabel"));
    m_rewardsText->setTextFormat(Qt::PlainText);
    m_rewardsText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    grid->addWidget(buildSection(tr("Rewards redeemed"), {}, m_rewardsChart, m_rewardsText), 2, 0, 1, 2);

    // Even halves: on a 1366-pixel screen the points chart needs its half for its three bars' names.
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto* scroll = new QScrollArea;
    scroll->setWidget(sections);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildPicker());
    layout->addWidget(scroll, 1);

    auto* exportShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_E), this);
    exportShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(exportShortcut, &QShortcut::activated, this, &ReportsPage::exportCsv);

    // Moving off the first entry runs periodChosen(), which computes the first report.
    m_period->setCurrentIndex(kDefaultPreset);
}

ReportsPage::~ReportsPage()
{
    m_thread.quit();
    m_thread.wait();
}

QWidget* ReportsPage::buildPicker()
{
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_period = new QComboBox;
    m_period->setObjectName(QStringLiteral("periodCombo"));
    m_period->addItems(
        {tr("Today"), tr("This week"), tr("This month"), tr("Last 30 days"), tr("This year"), tr("Custom days")});
    auto* periodLabel = new QLabel(tr("&Period:"));
    periodLabel->setBuddy(m_period);
    const QDate today = m_clock.now().toLocalTime().date();
    m_from = new QDateEdit(today.addDays(-29));
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_to = new QDateEdit(today);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setMaximumDate(today);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    auto* fromLabel = new QLabel(tr("&From:"));
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&To (inclusive):"));
    toLabel->setBuddy(m_to);
    m_show = new QPushButton(tr("&Show"));
    m_show->setObjectName(QStringLiteral("showButton"));
    m_export = new QPushButton(tr("&Export CSV…"));
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setEnabled(false);
    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("busyBar"));
    m_busy->setRange(0, 0);  // busy indicator: no known end
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextFormat(Qt::PlainText);

    row->addWidget(periodLabel);
    row->addWidget(m_period);
    row->addWidget(fromLabel);
    row->addWidget(m_from);
    row->addWidget(toLabel);
    row->addWidget(m_to);
    row->addWidget(m_show);
    row->addWidget(m_busy);
    row->addWidget(m_status, 1);
    row->addWidget(m_export);
    for (QWidget* target : std::initializer_list<QWidget*>{m_period, m_from, m_to, m_show, m_export})
        target->setMinimumHeight(36);

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] { periodChosen(); });
    connect(m_show, &QPushButton::clicked, this, &ReportsPage::refresh);
    connect(m_export, &QPushButton::clicked, this, &ReportsPage::exportCsv);
    connect(m_from, &QDateEdit::dateChanged, this, [this](const QDate& date) {
        if (m_to->date() < date)
            m_to->setDate(date);
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](const QDate& date) {
        if (m_from->date() > date)
            m_from->setDate(date);
    });
    // Return in a date field computes the custom days (the show button does too).
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::editingFinished, this, [this] {
            if (m_period->currentIndex() == kCustom)
                refresh();
        });
    setTabOrder(m_period, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_show);
    setTabOrder(m_show, m_export);
    return bar;
}

QWidget* ReportsPage::buildSection(const QString& title, const QList<std::pair<QString, QString>>& figures,
                                   QChartView*& chart, QWidget* extra)
{
    auto* box = new QGroupBox(title);
    auto* row = new QHBoxLayout(box);
    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    for (const auto& [key, label] : figures) {
        auto* value = new QLabel(QStringLiteral("–"));
        value->setObjectName(key + QStringLiteral("Label"));
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        // Amounts stay on one line; only the sentences (retention, the ABC classes) may wrap.
        value->setWordWrap(key == QStringLiteral("retention") || key.startsWith(QStringLiteral("class")));
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        form->addRow(label, value);
        m_values.insert(key, value);
    }
    row->addLayout(form);
    if (extra)
        row->addWidget(extra, 0, Qt::AlignTop);
    chart = new QChartView;
    chart->setRenderHint(QPainter::Antialiasing);
    // Small enough that two sections side by side fit a 1366-pixel till screen beside the manager keys.
    chart->setMinimumSize(240, 240);
    chart->setFocusPolicy(Qt::NoFocus);
    row->addWidget(chart, 1);
    return box;
}

ReportPeriod ReportsPage::selectedPeriod() const
{
    const int index = m_period->currentIndex();
    if (index >= 0 && index < presets().size())
        return ReportPeriod::preset(presets()[index], m_clock.now().toLocalTime().date());
    return ReportPeriod::days(m_from->date(), m_to->date());
}

void ReportsPage::periodChosen()
{
    const bool custom = m_period->currentIndex() == kCustom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom) {
        const ReportPeriod period = selectedPeriod();
        m_from->setDate(period.from.date());
        m_to->setDate(period.to.addMSecs(-1).date());
        refresh();
    }
}

void ReportsPage::refresh()
{
    const ReportPeriod period = selectedPeriod();
    const quint64 request = ++m_lastRequest;
    m_pending = request;
    setBusy(true);
    ReportWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request, period] { worker->compute(request, period); }, Qt::QueuedConnection);
}

void ReportsPage::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    if (busy)
        m_status->setText(tr("Computing the report…"));
}

void ReportsPage::setValue(const QString& key, const QString& text)
{
    if (QLabel* label = m_values.value(key))
        showText(label, text);
}

void ReportsPage::showText(QLabel* label, const QString& text)
{
    label->setText(text);
    // A one-line figure is never cut: the chart beside it gives way instead.
    if (!label->wordWrap())
        label->setMinimumWidth(label->sizeHint().width());
}

void ReportsPage::replaceChart(QChartView* view, QChart* chart, const QString& description)
{
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
    view->setAccessibleName(chart->title());
    view->setAccessibleDescription(description);
}

void ReportsPage::showFigures(quint64 request, const BranchFigures& f)
{
    if (request != m_pending)
        return;  // a newer request is on its way; its answer will be shown
    m_pending = 0;
    setBusy(false);
    m_figures = f;
    const ReportText text;
    const auto money = [&](qint64 minor) { return text.money(minor, f.currency); };

    setValue(QStringLiteral("sales"), text.count(f.sales));
    setValue(QStringLiteral("memberSales"), text.count(f.memberSales));
    setValue(QStringLiteral("otherSales"), text.count(f.otherSales));
    setValue(QStringLiteral("revenue"), money(f.revenueMinor));
    setValue(QStringLiteral("memberRevenue"), money(f.memberRevenueMinor));
    setValue(QStringLiteral("otherRevenue"), money(f.otherRevenueMinor));
    setValue(QStringLiteral("memberShare"), text.percent(f.memberSharePermille));
    setValue(QStringLiteral("memberBasket"), money(f.averageMemberBasketMinor));
    setValue(QStringLiteral("otherBasket"), money(f.averageOtherBasketMinor));
    setValue(QStringLiteral("refunds"), text.count(f.refunds));
    setValue(QStringLiteral("refunded"), money(f.refundedMinor));
    setValue(QStringLiteral("pointsIssued"), text.count(f.pointsIssued));
    setValue(QStringLiteral("pointsRedeemed"), text.count(f.pointsRedeemed));
    setValue(QStringLiteral("pointsExpired"), text.count(f.pointsExpired));
    setValue(QStringLiteral("pointsOutstanding"), text.count(f.pointsOutstanding));
    setValue(QStringLiteral("liability"), money(f.liabilityMinor));
    setValue(QStringLiteral("activeMembers"), text.count(f.activeMembers));
    setValue(QStringLiteral("frequency"), text.ratio(f.purchaseFrequencyPermille));
    setValue(QStringLiteral("retention"), tr("%1 of %2 members (%3) came back")
                                              .arg(text.count(f.retainedMembers), text.count(f.comparisonActiveMembers),
                                                   text.percent(f.retentionPermille)));
    const QList<std::pair<QString, const BranchFigures::AbcClass*>> classes{{QStringLiteral("classA"), &f.classA},
                                                                            {QStringLiteral("classB"), &f.classB},
                                                                            {QStringLiteral("classC"), &f.classC}};
    for (const auto& [key, klass] : classes) {
        setValue(key, tr("%n member(s), %1 (%2)", nullptr, int(klass->members))
                          .arg(money(klass->revenueMinor), text.percent(klass->revenueSharePermille)));
    }
    QStringList rewards;
    for (const BranchFigures::RewardUse& reward : f.topRewards)
        rewards.append(tr("%1: %n time(s)", nullptr, int(reward.times)).arg(reward.name));
    showText(m_rewardsText,
             rewards.isEmpty() ? tr("No rewards were redeemed in this period.") : rewards.join(QLatin1Char('\n')));

    replaceChart(
        m_revenueChart, ReportCharts::revenue(f, text),
        tr("Revenue with members %1, without members %2").arg(money(f.memberRevenueMinor), money(f.otherRevenueMinor)));
    replaceChart(m_pointsChart, ReportCharts::points(f),
                 tr("Issued %1, redeemed %2, expired %3")
                     .arg(text.count(f.pointsIssued), text.count(f.pointsRedeemed), text.count(f.pointsExpired)));
    replaceChart(m_abcChart, ReportCharts::abc(f),
                 tr("A %1, B %2, C %3 of member revenue")
                     .arg(text.percent(f.classA.revenueSharePermille), text.percent(f.classB.revenueSharePermille),
                          text.percent(f.classC.revenueSharePermille)));
    replaceChart(m_rewardsChart, ReportCharts::rewards(f), m_rewardsText->text());

    m_status->setText(tr("%1 – %2").arg(text.day(f.period.from.date()), text.day(f.period.to.addMSecs(-1).date())));
    m_export->setEnabled(true);
    Q_EMIT reportShown();
}

void ReportsPage::showFailure(quint64 request, const QString& message)
{
    if (request != m_pending)
        return;
    m_pending = 0;
    setBusy(false);
    m_status->setText(tr("The report could not be computed: %1").arg(message));
    Q_EMIT reportFailed(message);
}

void ReportsPage::exportCsv()
{
    if (!m_figures)
        return;
    const QString path = m_chooseFile(this, ReportCsv::defaultFileName(m_figures->period));
    if (path.isEmpty())
        return;
    if (auto written = ReportCsv::write(*m_figures, path); !written) {
        m_status->setText(written.error().message);
        return;
    }
    m_status->setText(tr("Exported to %1").arg(path));
    Q_EMIT exported(path);
}

}  // namespace loyalty
