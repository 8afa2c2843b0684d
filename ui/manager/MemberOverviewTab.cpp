#include "manager/MemberOverviewTab.h"

#include "hints/CustomerHint.h"
#include "money/Money.h"
#include "money/MoneyFormatter.h"
#include "style/TillStyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace loyalty {

namespace {
QLabel* bigLabel(const QString& objectName, qreal scale, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    TillStyle::setRelativeFont(label, scale, true);
    label->setWordWrap(true);
    return label;
}
}  // namespace

MemberOverviewTab::MemberOverviewTab(QWidget* parent)
    : QWidget(parent)
    , m_points(bigLabel(QStringLiteral("overviewPointsLabel"), 2.0, this))
    , m_pointsDetail(new QLabel(this))
    , m_wallet(bigLabel(QStringLiteral("overviewWalletLabel"), 1.5, this))
    , m_tier(new QLabel(this))
    , m_tierProgress(new QProgressBar(this))
    , m_value(new QLabel(this))
    , m_lots(new QTableWidget(0, 3, this))
    , m_lotsChart(new QChartView(this))
    , m_stampCards(new QVBoxLayout)
{
    setObjectName(QStringLiteral("memberOverviewTab"));
    m_pointsDetail->setObjectName(QStringLiteral("overviewPointsDetailLabel"));
    m_pointsDetail->setWordWrap(true);
    m_tier->setObjectName(QStringLiteral("overviewTierLabel"));
    m_tier->setWordWrap(true);
    m_tierProgress->setObjectName(QStringLiteral("overviewTierProgressBar"));
    m_tierProgress->setTextVisible(true);
    m_value->setObjectName(QStringLiteral("overviewValueLabel"));
    m_value->setWordWrap(true);

    m_lots->setObjectName(QStringLiteral("pointsLotsTableWidget"));
    m_lots->setAccessibleName(tr("Points lots"));
    m_lots->setHorizontalHeaderLabels({tr("Earned"), tr("Expires"), tr("Points left")});
    m_lots->verticalHeader()->setVisible(false);
    m_lots->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_lots->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lots->setFocusPolicy(Qt::NoFocus);
    m_lots->setSelectionMode(QAbstractItemView::NoSelection);

    m_lotsChart->setObjectName(QStringLiteral("pointsExpiryChartView"));
    m_lotsChart->setRenderHint(QPainter::Antialiasing);
    m_lotsChart->setMinimumHeight(200);

    auto* balances = new QGroupBox(tr("Balances"), this);
    auto* balanceLayout = new QVBoxLayout(balances);
    balanceLayout->addWidget(m_points);
    balanceLayout->addWidget(m_pointsDetail);
    balanceLayout->addWidget(m_wallet);
    balanceLayout->addWidget(m_tier);
    balanceLayout->addWidget(m_tierProgress);
    balanceLayout->addWidget(m_value);
    balanceLayout->addLayout(m_stampCards);
    balanceLayout->addStretch(1);

    auto* lots = new QGroupBox(tr("Points and when they expire"), this);
    auto* lotsLayout = new QHBoxLayout(lots);
    lotsLayout->addWidget(m_lots, 1);
    lotsLayout->addWidget(m_lotsChart, 1);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(balances, 2);
    layout->addWidget(lots, 3);
}

QString MemberOverviewTab::pointsText() const
{
    return m_points->text();
}

QString MemberOverviewTab::walletText() const
{
    return m_wallet->text();
}

void MemberOverviewTab::show(const MemberProfile& profile, const std::optional<CustomerHint>& hint)
{
    const QLocale locale;
    m_points->setText(tr("%1 points").arg(locale.toString(profile.points)));
    QStringList detail;
    if (profile.expiring.points > 0)
        detail << tr("%1 expire on %2")
                      .arg(locale.toString(profile.expiring.points),
                           locale.toString(profile.expiring.firstOn, QLocale::ShortFormat));
    if (profile.deficit > 0)
        detail << tr("%1 points taken beyond the lots (owed)").arg(locale.toString(profile.deficit));
    m_pointsDetail->setText(detail.join(QStringLiteral(" · ")));
    m_pointsDetail->setVisible(!detail.isEmpty());
    const QString currency = profile.currency.isEmpty() ? QStringLiteral("EUR") : profile.currency;
    m_wallet->setText(tr("Wallet %1").arg(MoneyFormatter(locale).format(Money(profile.walletMinor, currency))));

    if (profile.tierName.isEmpty()) {
        m_tier->setText(tr("No tiers in the programme."));
        m_tierProgress->hide();
    } else {
        m_tier->setText(profile.nextTierText.isEmpty()
                            ? tr("Tier: %1 (highest)").arg(profile.tierName)
                            : tr("Tier: %1 — %2").arg(profile.tierName, profile.nextTierText));
        const qint64 have = profile.tier.qualifyingValue;
        const qint64 total = have + profile.tier.neededForNext;
        m_tierProgress->setVisible(!profile.tier.nextTierId.isEmpty() && total > 0);
        m_tierProgress->setRange(0, 1000);
        m_tierProgress->setValue(total > 0 ? int(have * 1000 / total) : 1000);
        //: progress towards the next tier, %1 its name
        m_tierProgress->setFormat(tr("%p % to %1").arg(profile.tier.nextTierName));
    }

    if (hint) {
        m_value->setText(hint->text);
    } else {
        m_value->setText(tr("Customer value: not among the A customers of this till (12 months)."));
    }
    showStampCards(profile);
    showLots(profile);
}

void MemberOverviewTab::showStampCards(const MemberProfile& profile)
{
    while (QLayoutItem* item = m_stampCards->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QLocale locale;
    for (const MemberAccountBalance& card : profile.stampCards) {
        auto* label = new QLabel(this);
        auto* bar = new QProgressBar(this);
        if (card.needed > 0) {
            label->setText(
                tr("%1: %2 of %3 stamps").arg(card.name, locale.toString(card.balance), locale.toString(card.needed)));
            bar->setRange(0, card.needed);
            bar->setValue(int(std::min<qint64>(card.balance, card.needed)));
            bar->setFormat(tr("%v of %m"));
        } else {
            label->setText(tr("%1: %2 stamps").arg(card.name, locale.toString(card.balance)));
            bar->hide();
        }
        m_stampCards->addWidget(label);
        m_stampCards->addWidget(bar);
    }
    for (const MemberAccountBalance& credit : profile.credits) {
        auto* label = new QLabel(tr("%1: %2 left").arg(credit.name, locale.toString(credit.balance)), this);
        m_stampCards->addWidget(label);
    }
}

void MemberOverviewTab::showLots(const MemberProfile& profile)
{
    const QLocale locale;
    m_lots->setRowCount(int(profile.lots.size()));
    // The chart sums lots by the month they expire: what a manager looks for is "when do points go".
    QMap<QDate, qint64> byMonth;
    qint64 never = 0;
    for (int row = 0; row < profile.lots.size(); ++row) {
        const PointsLot& lot = profile.lots.at(row);
        const QString expires =
            lot.expiresOn.isNull() ? tr("never") : locale.toString(lot.expiresOn, QLocale::ShortFormat);
        auto* remaining = new QTableWidgetItem(locale.toString(lot.remaining));
        remaining->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lots->setItem(row, 0, new QTableWidgetItem(locale.toString(lot.earnedOn, QLocale::ShortFormat)));
        m_lots->setItem(row, 1, new QTableWidgetItem(expires));
        m_lots->setItem(row, 2, remaining);
        if (lot.expiresOn.isNull())
            never += lot.remaining;
        else
            byMonth[QDate(lot.expiresOn.year(), lot.expiresOn.month(), 1)] += lot.remaining;
    }

    auto* set = new QBarSet(tr("Points expiring"));
    QStringList months;
    qint64 highest = 0;
    for (auto it = byMonth.cbegin(); it != byMonth.cend(); ++it) {
        *set << qreal(it.value());
        months << locale.toString(it.key(), QStringLiteral("MMM yy"));
        highest = std::max(highest, it.value());
    }
    if (never > 0) {
        *set << qreal(never);
        months << tr("never");
        highest = std::max(highest, never);
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(months.isEmpty() ? tr("No points to expire") : tr("Points by month of expiry"));
    chart->legend()->hide();
    auto* axisX = new QBarCategoryAxis;
    axisX->append(months);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, qreal(std::max<qint64>(highest, 1)) * 1.15);
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->applyNiceNumbers();
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QChart* old = m_lotsChart->chart();
    m_lotsChart->setChart(chart);
    delete old;
}

}  // namespace loyalty
