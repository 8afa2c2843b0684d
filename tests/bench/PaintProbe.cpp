#include "PaintProbe.h"

#include <QEvent>

namespace loyalty::bench {

void PaintProbe::arm()
{
    m_paintedNs = -1;
    m_armed = true;
    m_timer.start();
}

bool PaintProbe::eventFilter(QObject* watched, QEvent* event)
{
    if (m_armed && event->type() == QEvent::Paint) {
        m_paintedNs = m_timer.nsecsElapsed();
        m_armed = false;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace loyalty::bench
