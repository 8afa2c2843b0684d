#include "sale/KeyLegend.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace loyalty {

KeyLegend::KeyLegend(QWidget* parent)
    : QFrame(parent)
    , m_keys(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("keyLegend"));
    m_keys->setObjectName(QStringLiteral("keyLegendLabel"));
    m_status->setObjectName(QStringLiteral("tillStatusLabel"));
    m_keys->setTextFormat(Qt::RichText);
    m_keys->setText(QStringLiteral("<b>F12</b> %1 &nbsp;&nbsp; <b>F8</b> %2 &nbsp;&nbsp; <b>F9</b> %8 &nbsp;&nbsp; "
                                   "<b>F7</b> %9 &nbsp;&nbsp; <b>+ / −</b> %3 &nbsp;&nbsp; <b>%4</b> %5 &nbsp;&nbsp; "
                                   "<b>↑ ↓</b> %6 &nbsp;&nbsp; <b>Esc</b> %7")
                        .arg(tr("Complete"), tr("Void"), tr("Quantity"), tr("Del"), tr("Remove"), tr("Select"),
                             tr("Clear"), tr("Enrol"), tr("Cards")));
    // On a narrow screen the legend is cut at the right rather than widening the window.
    m_keys->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_keys->setMinimumWidth(0);
    // Keys on the first line, the till's and the devices' state on the second, so neither is cut
    // on a 1366 px screen in German.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 2, 12, 2);
    layout->setSpacing(0);
    layout->addWidget(m_keys);
    layout->addWidget(m_status, 0, Qt::AlignRight);
}

void KeyLegend::showStatus(const QString& tillName, qint64 queuedEvents)
{
    // Head-office sync arrives with the sync engine; until then events wait in the outbox.
    m_tillStatus = tr("%1 · ● offline · %2 queued").arg(tillName, QLocale().toString(queuedEvents));
    render();
}

void KeyLegend::showDeviceStatus(const QString& status)
{
    m_deviceStatus = status;
    render();
}

void KeyLegend::render()
{
    m_status->setText(m_deviceStatus.isEmpty() ? m_tillStatus : m_deviceStatus + QStringLiteral(" · ") + m_tillStatus);
}

QString KeyLegend::statusText() const
{
    return m_status->text();
}

}  // namespace loyalty
