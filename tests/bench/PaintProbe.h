#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace loyalty::bench {

// Watches one widget for its next paint event once armed: the moment the member panel starts
// painting after the data changed.
class PaintProbe final : public QObject
{
    Q_OBJECT

public:
    explicit PaintProbe(QObject* parent = nullptr)
        : QObject(parent)
    {
    }

    // Starts the clock; the next QEvent::Paint of the watched widget stops it.
    void arm();
    bool painted() const { return m_paintedNs >= 0; }
    double elapsedMs() const { return double(m_paintedNs) / 1e6; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QElapsedTimer m_timer;
    qint64 m_paintedNs = -1;
    bool m_armed = false;
};

}  // namespace loyalty::bench
