#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace loyalty::hq {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (the self-pipe trick over a
// socketpair), so `serve` finishes the request at hand and shuts down cleanly. One at a time.
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void requested(int signalNumber);

private:
    void readSignal();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

}  // namespace loyalty::hq
