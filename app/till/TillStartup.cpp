#include "TillStartup.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace loyalty {

namespace {
bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::InputMethod:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::Wheel:
        return true;
    default:
        return false;
    }
}
}  // namespace

TillStartup::TillStartup(QWidget& window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
    qApp->installEventFilter(this);
    // A window that never paints (minimised, no screen) still gets its start-up done.
    QTimer::singleShot(kLatestMs, this, &TillStartup::runSteps);
}

TillStartup::~TillStartup()
{
    qApp->removeEventFilter(this);
}

void TillStartup::afterFirstPaint(std::function<void()> step)
{
    m_steps.push_back(std::move(step));
}

bool TillStartup::eventFilter(QObject* watched, QEvent* event)
{
    if (m_done)
        return false;
    if (isInput(event->type())) {
        // Whatever the cashier does is handled after the steps, never before (the expiry is booked first).
        runSteps();
    } else if (event->type() == QEvent::Paint && !m_painted && watched->isWidgetType() &&
               static_cast<QWidget*>(watched)->window() == &m_window) {
        m_painted = true;
        // This paint is part of the first frame: the steps come once it is on the screen.
        QTimer::singleShot(0, this, &TillStartup::runSteps);
    }
    return false;
}

void TillStartup::runSteps()
{
    if (m_done)
        return;
    m_done = true;
    qApp->removeEventFilter(this);
    for (const auto& step : m_steps)
        step();
    m_steps.clear();
}

}  // namespace loyalty
