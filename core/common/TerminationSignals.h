#pragma once

#include <QList>
#include <QObject>

#include <csignal>
#include <memory>

class QSocketNotifier;

namespace loyalty {

// Turns termination signals (by default SIGTERM and SIGINT; loyalty-till adds SIGHUP, the session's
// logout) into a Qt signal on the event loop (the self-pipe trick over a socketpair), so a program
// finishes the work at hand and shuts down as it would on its own: every database connection closes
// and SQLite removes its -wal log. A signal that comes while no event loop runs waits for the next
// one. One instance at a time per process.
class TerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminationSignals)

public:
    explicit TerminationSignals(QList<int> signalNumbers = {SIGTERM, SIGINT}, QObject* parent = nullptr);
    ~TerminationSignals() override;

    bool isActive() const { return m_notifier != nullptr; }
    // The first signal received, 0 if none yet.
    int received() const { return m_received; }

Q_SIGNALS:
    void requested(int signalNumber);

private:
    void readSignal();

    QList<int> m_signals;
    std::unique_ptr<QSocketNotifier> m_notifier;
    int m_received = 0;
};

}  // namespace loyalty
