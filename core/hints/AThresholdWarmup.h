#pragma once

#include <QDate>
#include <QObject>
#include <QThread>

#include <memory>

namespace loyalty {

// Computes the day's A-customer threshold (CustomerValueHint::computeThresholdMinor, 0.2-0.4 s on a
// year of sales) on a thread of its own with its own read-only connection (ReadConnection), so the
// till paints and takes scans while it runs. The answer comes as a signal queued to the thread this
// object lives in; CustomerValueHint takes it from there and keeps it (memory and settings cache).
class AThresholdWarmup final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AThresholdWarmup)

public:
    explicit AThresholdWarmup(QObject* parent = nullptr);
    // Waits for a computation still running (at most the fraction of a second it takes).
    ~AThresholdWarmup() override;

    // Starts computing the threshold for `day` over the sales in [from, to) (stored instants);
    // false (and nothing started) while an earlier computation is still running.
    bool start(const QString& databasePath, const QDate& day, const QString& from, const QString& to);
    bool isRunning() const;

Q_SIGNALS:
    void computed(QDate day, qint64 thresholdMinor);
    void failed(QDate day, const QString& message);

private:
    std::unique_ptr<QThread> m_thread;
};

}  // namespace loyalty
