#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <atomic>

class QThread;

namespace loyalty {

// Watches NFC/RFID readers through PC/SC (pcsclite) on a worker thread: waits for a reader and a
// card with bounded, cancellable waits, reads the card's UID (GET DATA, FF CA 00 00 00) and, on NFC
// Forum Type 2 tags, the NDEF message (READ BINARY, FF B0 00 page 10). Where the PC/SC service or
// a reader is missing it says so in statusChanged() and retries at a calm pace; the GUI thread
// never waits on it.
class PcscReaderMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PcscReaderMonitor)

public:
    explicit PcscReaderMonitor(QObject* parent = nullptr);
    ~PcscReaderMonitor() override;  // stops and joins the worker

    // How long to wait before retrying a missing PC/SC service (default 5 s).
    void setRetryIntervalMs(int ms) { m_retryMs = ms; }

    void start();
    // Cancels the waits and joins the worker; returns within about a second.
    void stop();
    bool isRunning() const;
    QString status() const { return m_status; }

Q_SIGNALS:
    // uidHex: upper-case hex without separators. ndefText: the tag's first NDEF Text record (or,
    // without one, its first URI); empty where the tag carries none.
    void tagRead(const QString& uidHex, const QString& ndefText);
    void statusChanged(const QString& status);
    // A card was on the reader but could not be read: a translated hint for the message strip.
    void readFailed(const QString& message);

private:
    void run();                          // worker thread
    void report(const QString& status);  // worker thread → GUI thread
    void sleepBeforeRetry();
    long watchReader(long context, const QByteArray& reader);  // worker thread
    void readCard(long context, const QByteArray& reader);     // worker thread
    bool stopping() const { return m_stop.load(); }

    QThread* m_thread = nullptr;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_retryMs{5000};
    QMutex m_mutex;  // guards m_context and the retry wait
    QWaitCondition m_wake;
    long m_context = 0;  // SCARDCONTEXT while established, for SCardCancel from stop()
    QString m_status;    // GUI thread only
};

}  // namespace loyalty
