#pragma once

#include "config/CustomerDisplaySetup.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>

class QWidget;

namespace loyalty {

class CustomerDisplay;

// Puts the customer display on its screen as CustomerDisplaySetup says: the screen of that name,
// else the first screen that is not the till window's, full screen; with a single screen, a normal
// window beside the till (a test till can still see it), said in the status. Placed again whenever
// a screen comes or goes: a second monitor plugged in gets the display.
class CustomerDisplayPlacement final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerDisplayPlacement)

public:
    struct Screen
    {
        QString name;
        QRect geometry;           // QScreen::geometry()
        QRect availableGeometry;  // without panels; a window mode window stays inside it
    };

    struct Choice
    {
        enum class Mode
        {
            Hidden,      // switched off, or no screen at all
            FullScreen,  // a screen of its own
            Window,      // shares the till's screen
        };
        Mode mode = Mode::Hidden;
        int screen = -1;  // index into the screens passed to choose()
        QRect geometry;   // FullScreen: the screen; Window: the window's frame
        QString status;   // one translated line for the log and the status note
    };

    // The pure selection, testable with any list of screens. `tillScreen` is the name of the
    // screen the till window is on (empty: the first screen is taken as the till's).
    static Choice choose(const QList<Screen>& screens, const CustomerDisplaySetup& setup, const QString& tillScreen);

    // `display` is the customer display window, `tillWindow` the cashier's (its screen is avoided);
    // both must outlive this object or be deleted with it (it holds QPointers).
    CustomerDisplayPlacement(CustomerDisplay& display, QWidget* tillWindow, const CustomerDisplaySetup& setup,
                             QObject* parent = nullptr);

    // A new setup from the settings dialog: placed (or hidden) at once.
    void setSetup(const CustomerDisplaySetup& setup);
    const CustomerDisplaySetup& setup() const { return m_setup; }
    // Chooses from the screens there are now and shows, moves or hides the display.
    void place();
    const Choice& current() const { return m_current; }

Q_SIGNALS:
    // Every placement, with Choice::status, so the till can log it.
    void placed(const QString& status);

private:
    void placeSoon();
    void watchTillWindow();

    QPointer<CustomerDisplay> m_display;
    QPointer<QWidget> m_tillWindow;
    CustomerDisplaySetup m_setup;
    Choice m_current;
    bool m_watchingTillWindow = false;
    bool m_placePending = false;
};

}  // namespace loyalty
