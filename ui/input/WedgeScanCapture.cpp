#include "input/WedgeScanCapture.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace loyalty {

namespace {

// Enter, Return and Tab as the detector's terminator characters; nullopt for any other key.
QChar terminatorOf(const QKeyEvent* key)
{
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return QLatin1Char('\r');
    case Qt::Key_Tab:
        return QLatin1Char('\t');
    default:
        return QChar();
    }
}

bool isModifierKey(int key)
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
        return true;
    default:
        return false;
    }
}

constexpr Qt::KeyboardModifiers kCommandModifiers = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;

// Margin on top of the detector's window: a timer fires late, never early, but the next key may
// already be waiting in the queue behind it.
constexpr int kExpiryMarginMs = 15;

}  // namespace

WedgeScanCapture::WedgeScanCapture(QObject* parent)
    : QObject(parent)
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &WedgeScanCapture::expire);
}

// Keys still held at destruction are dropped: their widgets may be going away too.
WedgeScanCapture::~WedgeScanCapture() = default;

void WedgeScanCapture::setEnabled(bool enabled)
{
    if (!enabled)
        releaseHeld();
    m_enabled = enabled;
}

void WedgeScanCapture::setConfig(const KeystrokeBurstDetector::Config& config)
{
    releaseHeld();
    m_detector.setConfig(config);
}

bool WedgeScanCapture::isFocusTarget(QObject* watched)
{
    // The application filter sees a key event once per receiver: the QWindow, the focus widget
    // and each parent it propagates to. Only the focus widget (or a window without one) counts.
    if (!watched->isWidgetType())
        return false;
    auto* widget = static_cast<QWidget*>(watched);
    QWidget* focus = widget->window()->focusWidget();
    return focus ? focus == widget : widget->isWindow();
}

bool WedgeScanCapture::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (!m_enabled || m_delivering || (type != QEvent::KeyPress && type != QEvent::KeyRelease) ||
        !isFocusTarget(watched))
        return QObject::eventFilter(watched, event);

    auto* key = static_cast<QKeyEvent*>(event);
    // Keys without a timestamp are synthesized by software (QTest::keyClick on a widget, a
    // program's own key events), never typed by a device: timing means nothing for them, so they
    // pass untouched, after anything held.
    if (key->timestamp() == 0) {
        releaseHeld();
        return false;
    }
    // Releases, and the Shift a scanner presses around upper-case letters, travel with the held
    // keys (to keep the order) but neither decide nor break a burst.
    if (type == QEvent::KeyRelease || isModifierKey(key->key())) {
        if (m_held.empty())
            return false;
        m_held.push_back(HeldKey{watched, std::unique_ptr<QKeyEvent>(key->clone())});
        return true;
    }
    return handleKeyPress(watched, key);
}

bool WedgeScanCapture::handleKeyPress(QObject* target, QKeyEvent* key)
{
    const bool command = (key->modifiers() & kCommandModifiers) != 0;
    QChar character = terminatorOf(key);
    if (!character.isNull() && !m_detector.config().terminators.contains(character))
        character = QChar();
    if (character.isNull() && key->text().size() == 1 && key->text().at(0).isPrint())
        character = key->text().at(0);

    if (command || key->isAutoRepeat() || character.isNull()) {
        // Not something a scanner types: whatever is held was typing and goes first.
        releaseHeld();
        return false;
    }
    return apply(m_detector.feed(character, static_cast<qint64>(key->timestamp())), target, key);
}

bool WedgeScanCapture::apply(const KeystrokeBurstDetector::Step& step, QObject* target, QKeyEvent* key)
{
    using Detector = KeystrokeBurstDetector;
    switch (step.held) {
    case Detector::Held::Keep:
        break;
    case Detector::Held::Release:
        deliverHeld();  // the detector has already started afresh with this key
        break;
    case Detector::Held::Drop:
        m_held.clear();
        break;
    }
    if (!step.scan.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, text = step.scan] { Q_EMIT scanCaptured(text); }, Qt::QueuedConnection);
    }
    if (step.overflow) {
        const QString message = tr("Scan too long (over %1 characters) — ignored. Check the scanner's settings.")
                                    .arg(m_detector.config().maxLength);
        QMetaObject::invokeMethod(
            this, [this, message] { Q_EMIT scanRejected(message); }, Qt::QueuedConnection);
    }

    switch (step.current) {
    case Detector::Current::Hold:
        if (key)
            m_held.push_back(HeldKey{target, std::unique_ptr<QKeyEvent>(key->clone())});
        m_expiry.start(m_detector.holdWindowMs() + kExpiryMarginMs);
        return true;
    case Detector::Current::Pass:
        if (m_held.empty())
            m_expiry.stop();
        return false;
    case Detector::Current::Swallow:
        return true;
    }
    return false;
}

void WedgeScanCapture::expire()
{
    apply(m_detector.expire(), nullptr, nullptr);
    // Releases of a dropped scan's keys may still be held: they belong to nobody now.
    if (!m_detector.isHolding())
        m_held.clear();
}

void WedgeScanCapture::releaseHeld()
{
    m_expiry.stop();
    m_detector.reset();
    deliverHeld();
}

void WedgeScanCapture::deliverHeld()
{
    std::deque<HeldKey> held;
    held.swap(m_held);
    m_delivering = true;
    for (HeldKey& entry : held) {
        if (entry.target)
            QCoreApplication::sendEvent(entry.target, entry.event.get());
    }
    m_delivering = false;
}

}  // namespace loyalty
