#include "customer/CustomerDisplayPlacement.h"

#include "customer/CustomerDisplay.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <QWindow>

#include <algorithm>

namespace loyalty {

namespace {

// A screen without a name (some drivers, the offscreen platform) is still told apart in the log.
QString shownName(const CustomerDisplayPlacement::Screen& screen, int index)
{
    return screen.name.isEmpty() ? CustomerDisplayPlacement::tr("screen %1").arg(index + 1) : screen.name;
}

QStringList namesOf(const QList<CustomerDisplayPlacement::Screen>& screens)
{
    QStringList names;
    for (int i = 0; i < screens.size(); ++i)
        names << shownName(screens.at(i), i);
    return names;
}

// On the till's own screen the display is a window in the top right corner, at most half the
// screen, so the till stays usable beside it.
QRect windowOn(const CustomerDisplayPlacement::Screen& screen)
{
    const QRect area = screen.availableGeometry.isValid() ? screen.availableGeometry : screen.geometry;
    const QSize size(std::min(960, std::max(320, area.width() / 2)), std::min(540, std::max(240, area.height() / 2)));
    return QRect(QPoint(area.right() - size.width() + 1, area.top()), size);
}

}  // namespace

CustomerDisplayPlacement::Choice CustomerDisplayPlacement::choose(const QList<Screen>& screens,
                                                                  const CustomerDisplaySetup& setup,
                                                                  const QString& tillScreen)
{
    Choice choice;
    if (!setup.enabled) {
        choice.status = tr("The customer display is switched off.");
        return choice;
    }
    if (screens.isEmpty()) {
        choice.status = tr("The customer display waits for a screen.");
        return choice;
    }
    const auto indexOf = [&screens](const QString& name) {
        for (int i = 0; i < screens.size(); ++i) {
            if (screens.at(i).name == name)
                return i;
        }
        return -1;
    };
    const int till = std::max(0, indexOf(tillScreen));
    const auto fullScreen = [&](int index, const QString& prefix) {
        choice.mode = Choice::Mode::FullScreen;
        choice.screen = index;
        choice.geometry = screens.at(index).geometry;
        choice.status =
            prefix + tr("The customer display is full screen on %1.").arg(shownName(screens.at(index), index));
        return choice;
    };
    const auto window = [&](const QString& status) {
        choice.mode = Choice::Mode::Window;
        choice.screen = till;
        choice.geometry = windowOn(screens.at(till));
        choice.status = status;
        return choice;
    };

    QString prefix;
    if (!setup.screenName.isEmpty()) {
        const int named = indexOf(setup.screenName);
        if (named >= 0 && named != till)
            return fullScreen(named, {});
        if (named == till && screens.size() > 1) {
            return window(tr("%1 is the till's screen: the customer display is a window on it.")
                              .arg(shownName(screens.at(named), named)));
        }
        if (named < 0) {
            //: %1 the screen asked for, %2 the screens there are
            prefix = tr("Screen %1 is not connected (screens: %2). ")
                         .arg(setup.screenName, namesOf(screens).join(QStringLiteral(", ")));
        }
    }
    for (int i = 0; i < screens.size(); ++i) {
        if (i != till)
            return fullScreen(i, prefix);
    }
    return window(prefix + tr("Only one screen: the customer display is shown as a window. Connect a second "
                              "screen and it moves there."));
}

CustomerDisplayPlacement::CustomerDisplayPlacement(CustomerDisplay& display, QWidget* tillWindow,
                                                   const CustomerDisplaySetup& setup, QObject* parent)
    : QObject(parent)
    , m_display(&display)
    , m_tillWindow(tillWindow)
    , m_setup(setup)
{
    // Queued: while screenRemoved is emitted the screen is still listed, and Qt moves its windows
    // to another screen only after it.
    connect(qGuiApp, &QGuiApplication::screenAdded, this, &CustomerDisplayPlacement::placeSoon);
    connect(qGuiApp, &QGuiApplication::screenRemoved, this, &CustomerDisplayPlacement::placeSoon);
    connect(qGuiApp, &QGuiApplication::primaryScreenChanged, this, &CustomerDisplayPlacement::placeSoon);
}

void CustomerDisplayPlacement::setSetup(const CustomerDisplaySetup& setup)
{
    m_setup = setup;
    place();
}

void CustomerDisplayPlacement::placeSoon()
{
    if (m_placePending)
        return;
    m_placePending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_placePending = false;
            place();
        },
        Qt::QueuedConnection);
}

void CustomerDisplayPlacement::watchTillWindow()
{
    if (m_watchingTillWindow || !m_tillWindow || !m_tillWindow->windowHandle())
        return;
    m_watchingTillWindow = true;
    // The till window moved to another screen: the display gives way.
    connect(m_tillWindow->windowHandle(), &QWindow::screenChanged, this, &CustomerDisplayPlacement::placeSoon);
}

void CustomerDisplayPlacement::place()
{
    if (!m_display)
        return;
    watchTillWindow();
    const QList<QScreen*> live = QGuiApplication::screens();
    QList<Screen> screens;
    for (const QScreen* screen : live)
        screens.append({screen->name(), screen->geometry(), screen->availableGeometry()});
    const QScreen* tillScreen =
        m_tillWindow && m_tillWindow->screen() ? m_tillWindow->screen() : QGuiApplication::primaryScreen();
    const Choice choice = choose(screens, m_setup, tillScreen ? tillScreen->name() : QString());
    // Told when something changed, but not that a display which was never shown stays off.
    const bool changed = (choice.mode != m_current.mode || choice.screen != m_current.screen ||
                          choice.geometry != m_current.geometry || choice.status != m_current.status) &&
                         !(choice.mode == Choice::Mode::Hidden && m_current.mode == Choice::Mode::Hidden);
    m_current = choice;

    CustomerDisplay& display = *m_display;
    switch (choice.mode) {
    case Choice::Mode::Hidden:
        display.hide();
        display.setStatusNote({});
        break;
    case Choice::Mode::FullScreen: {
        QScreen* screen = live.at(choice.screen);
        display.setStatusNote({});
        if (display.isFullScreen() && display.screen() != screen)
            display.setWindowState(display.windowState() & ~Qt::WindowFullScreen);  // moves only as a normal window
        display.setScreen(screen);
        display.setGeometry(choice.geometry);
        // Not showFullScreen(): that also activates the window, and the till keeps the keyboard.
        display.setWindowState(display.windowState() | Qt::WindowFullScreen);
        display.show();
        break;
    }
    case Choice::Mode::Window:
        if (display.isFullScreen())
            display.setWindowState(display.windowState() & ~Qt::WindowFullScreen);
        display.setScreen(live.at(choice.screen));
        display.setGeometry(choice.geometry);
        display.setStatusNote(choice.status);
        display.show();
        break;
    }
    if (changed)
        Q_EMIT placed(choice.status);
}

}  // namespace loyalty
