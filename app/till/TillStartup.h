#pragma once

#include <QObject>

#include <functional>
#include <vector>

class QWidget;

namespace loyalty {

// The part of loyalty-till's start that must not delay its first frame (the expiry run, the
// background integrity check, sync): steps that run in order on the event loop turn after the
// window's first paint, or at the latest right before the first key, click or touch is handled, so
// no input ever reaches the till before they have run (and after kLatestMs without a paint).
class TillStartup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TillStartup)

public:
    static constexpr int kLatestMs = 2000;

    explicit TillStartup(QWidget& window, QObject* parent = nullptr);
    ~TillStartup() override;

    void afterFirstPaint(std::function<void()> step);
    bool done() const { return m_done; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runSteps();

    QWidget& m_window;
    std::vector<std::function<void()>> m_steps;
    bool m_painted = false;
    bool m_done = false;
};

}  // namespace loyalty
