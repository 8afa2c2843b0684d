#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace loyalty {

// Turns SIGTERM, SIGINT and SIGHUP (a kill, Ctrl+C, the session's logout) into a Qt signal on the
// event loop (the self-pipe trick over a socketpair), so loyalty-till leaves its event loop as when
// its window closes: every database connection closes and SQLite removes the -wal log, which the
// next start takes as the sign of a clean shutdown (else it runs the full integrity check first).
// A signal that comes while no event loop runs (start, shutdown) waits for the next one. One at a time.
class TillTerminationSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TillTerminationSignals)

public:
    explicit TillTerminationSignals(QObject* parent = nullptr);
    ~TillTerminationSignals() override;

    bool isActive() const { return m_notifier != nullptr; }
    // The first signal received, 0 if none yet.
    int received() const { return m_received; }

Q_SIGNALS:
    void requested(int signalNumber);

private:
    void readSignal();

    std::unique_ptr<QSocketNotifier> m_notifier;
    int m_received = 0;
};

}  // namespace loyalty
