#include "sale/KeyLegend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

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
                        .arg(tr("Complete"), tr("Void sale"), tr("Quantity"), tr("Del"), tr("Remove line"),
                             tr("Select line"), tr("Clear input"), tr("Enrol"), tr("Cards")));
    // On a narrow screen the legend is cut at the right rather than widening the window.
    m_keys->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_keys->setMinimumWidth(0);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 4);
    layout->addWidget(m_keys, 1);
    layout->addWidget(m_status);
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
