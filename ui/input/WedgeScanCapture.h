#pragma once

#include "cards/devices/KeystrokeBurstDetector.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>

class QKeyEvent;

namespace loyalty {

// Catches keyboard-wedge scans application-wide, so a scan never lands in whatever field has
// focus. Install it on the application: qApp->installEventFilter(capture).
//
// How: printable key presses (and Enter/Tab) addressed to the focused widget are held back and
// fed to a KeystrokeBurstDetector with the event's timestamp. While the keys might still be a
// burst they stay held (at most the detector's hold window, ~20-40 ms, so a person never notices).
// When the burst completes, scanCaptured() is emitted (queued) and the held keys are dropped; when
// the keys turn out to be typing they are re-sent, in order, to the widget they were addressed to,
// before the key that decided it. Key releases that arrive while keys are held are held with them,
// so order is kept. Any other key (F-keys, arrows, Ctrl+...) first releases what is held.
// Timing comes from QKeyEvent::timestamp() (the platform's time of the key, unaffected by a busy
// GUI thread); events without one (0: synthesized by software, e.g. QTest::keyClick on a widget)
// pass untouched.
class WedgeScanCapture final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WedgeScanCapture)

public:
    explicit WedgeScanCapture(QObject* parent = nullptr);
    ~WedgeScanCapture() override;

    // Disabling releases anything held and lets every key through untouched.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // Threshold, minimum length, maximum length and terminators ("\r" = Enter, "\t" = Tab).
    void setConfig(const KeystrokeBurstDetector::Config& config);
    const KeystrokeBurstDetector::Config& config() const { return m_detector.config(); }

Q_SIGNALS:
    // A complete scan (without its terminator). Emitted from the event loop, never from inside
    // the event filter, so receivers may open dialogs or change focus.
    void scanCaptured(const QString& text);
    // A burst that could not be a card (too long): a translated message for the strip.
    void scanRejected(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct HeldKey
    {
        QPointer<QObject> target;
        std::unique_ptr<QKeyEvent> event;
    };

    bool handleKeyPress(QObject* target, QKeyEvent* key);
    bool apply(const KeystrokeBurstDetector::Step& step, QObject* target, QKeyEvent* key);
    void expire();
    void releaseHeld();
    void deliverHeld();
    static bool isFocusTarget(QObject* watched);

    KeystrokeBurstDetector m_detector;
    std::deque<HeldKey> m_held;
    QTimer m_expiry;
    bool m_enabled = true;
    bool m_delivering = false;  // re-sending held keys: let them through
};

}  // namespace loyalty
