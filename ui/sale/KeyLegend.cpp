#include "sale/KeyLegend.h"

#include <QDate>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace loyalty {

namespace {
QLabel* makeKeys(const QString& objectName, const QString& html, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setText(html);
    // On a narrow screen the legend is cut at the right rather than widening the window.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setMinimumWidth(0);
    return label;
}
}  // namespace

KeyLegend::KeyLegend(QWidget* parent)
    : QFrame(parent)
    , m_keys(makeKeys(QStringLiteral("keyLegendLabel"),
                      QStringLiteral("<b>F12</b> %1 &nbsp;&nbsp; <b>F8</b> %2 &nbsp;&nbsp; <b>F9</b> %8 &nbsp;&nbsp; "
                                     "<b>F7</b> %9 &nbsp;&nbsp; <b>F11</b> %10 &nbsp;&nbsp; <b>+ / −</b> %3 "
                                     "&nbsp;&nbsp; <b>%4</b> %5 &nbsp;&nbsp; "
                                     "<b>↑ ↓</b> %6 &nbsp;&nbsp; <b>Esc</b> %7")
                          .arg(tr("Complete"), tr("Void"), tr("Quantity"), tr("Del"), tr("Remove"), tr("Select"),
                               tr("Clear"), tr("Enrol"), tr("Cards"), tr("Return")),
                      this))
    , m_loyaltyKeys(
          makeKeys(QStringLiteral("loyaltyKeyLegendLabel"),
                   QStringLiteral("<b>F6</b> %1 &nbsp;&nbsp; <b>F4</b> %2 &nbsp;&nbsp; <b>F3</b> %3 "
                                  "&nbsp;&nbsp; <b>F2</b> %4 &nbsp;&nbsp; <b>F5</b> %5 &nbsp;&nbsp; <b>%6</b> %7")
                       .arg(tr("Coupon"), tr("Redeem points"), tr("Reward"), tr("Wallet"),
                            tr("Remove coupons and redemptions"), tr("Ctrl+P"), tr("Receipts")),
                   this))
    , m_deviceStatusLabel(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("keyLegend"));
    m_loyaltyKeysHtml = m_loyaltyKeys->text();
    m_deviceStatusLabel->setObjectName(QStringLiteral("deviceStatusLabel"));
    m_status->setObjectName(QStringLiteral("tillStatusLabel"));
    // Sale keys on the first line, loyalty keys on the second, and a status line of its own: card
    // devices on the left, the till and head office on the right — so nothing is cut on a 1366 px
    // screen in German however long the device or sync message.
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(12, 2, 12, 2);
    layout->setHorizontalSpacing(16);
    layout->setVerticalSpacing(0);
    layout->addWidget(m_keys, 0, 0, 1, 2);
    layout->addWidget(m_loyaltyKeys, 1, 0, 1, 2);
    layout->addWidget(m_deviceStatusLabel, 2, 0, Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_status, 2, 1, Qt::AlignRight | Qt::AlignVCenter);
    layout->setColumnStretch(0, 1);
}

void KeyLegend::showStatus(const QString& tillName, qint64 queuedEvents)
{
    m_tillName = tillName;
    m_queued = queuedEvents;
    render();
}

void KeyLegend::showStaff(const QString& signedIn)
{
    m_staff = signedIn;
    render();
}

void KeyLegend::setStaffKeysVisible(bool visible)
{
    m_loyaltyKeys->setText(visible ? m_loyaltyKeysHtml + QStringLiteral(" &nbsp;&nbsp; <b>F10</b> %1 &nbsp;&nbsp; "
                                                                        "<b>F1</b> %2")
                                                             .arg(tr("Manager"), tr("Sign out"))
                                   : m_loyaltyKeysHtml);
}

void KeyLegend::showSyncStatus(const sync::SyncStatus& status)
{
    m_sync = status;
    m_queued = status.pending;
    m_status->setToolTip(status.detail);
    render();
}

QString KeyLegend::syncText() const
{
    // Every state has its own symbol and words, never colour alone (UI.md, manager-guide.md).
    const QLocale locale;
    const QString queued = tr("%1 queued").arg(locale.toString(m_queued));
    if (!m_sync)
        return tr("○ not connected to head office · %1").arg(queued);
    QStringList parts;
    if (m_sync->provisioning && (m_sync->provisioningApplied > 0 || m_sync->provisioningRemaining > 0)) {
        parts << tr("↻ provisioning: %1 of %2 changes")
                     .arg(locale.toString(m_sync->provisioningApplied),
                          locale.toString(m_sync->provisioningApplied + m_sync->provisioningRemaining));
    }
    switch (m_sync->connection) {
    case sync::SyncStatus::Connection::Connecting:
        parts << tr("◌ connecting to head office") << queued;
        break;
    case sync::SyncStatus::Connection::Online:
        parts << tr("● online") << queued;
        break;
    case sync::SyncStatus::Connection::Offline:
        parts << tr("○ offline") << queued;
        break;
    case sync::SyncStatus::Connection::Refused:
        parts << tr("⛔ head office refuses this till") << queued;
        break;
    }
    if (m_sync->lastSuccess.isValid()) {
        const QDateTime at = m_sync->lastSuccess.toLocalTime();
        const QString when = at.date() == QDate::currentDate() ? locale.toString(at.time(), QLocale::ShortFormat)
                                                               : locale.toString(at, QLocale::ShortFormat);
        parts << tr("synced %1").arg(when);
    } else if (m_sync->connection != sync::SyncStatus::Connection::Connecting) {
        parts << tr("never synced");
    }
    if (m_sync->rejected > 0)
        parts << tr("⚠ %1 rejected — manager").arg(locale.toString(m_sync->rejected));
    return parts.join(QStringLiteral(" · "));
}

void KeyLegend::showDeviceStatus(const QString& status)
{
    m_deviceStatus = status;
    render();
}

void KeyLegend::render()
{
    m_deviceStatusLabel->setText(m_deviceStatus);
    QStringList parts;
    if (!m_tillName.isEmpty())
        parts << m_tillName;
    if (!m_staff.isEmpty())
        parts << m_staff;
    parts << syncText();
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

QString KeyLegend::statusText() const
{
    return m_deviceStatus.isEmpty() ? m_status->text() : m_deviceStatus + QStringLiteral(" · ") + m_status->text();
}

QString KeyLegend::keysText() const
{
    return m_keys->text() + QLatin1Char('\n') + m_loyaltyKeys->text();
}

}  // namespace loyalty
