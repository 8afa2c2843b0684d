#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace loyalty {

// PRAGMA quick_check of a till database on a thread and a read-only connection of its own, so the
// till paints and sells while it reads the whole file (Database::IntegrityCheck::AfterUncleanShutdown).
// It checks the snapshot of the database as it was when it began; sales committed meanwhile are in
// the log and get their pages checked at the next run. The answer is one signal, queued to the
// thread this object lives in. Destroying it (or cancel()) interrupts a check still running.
class BackgroundIntegrityCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundIntegrityCheck)

public:
    explicit BackgroundIntegrityCheck(QString databasePath, QObject* parent = nullptr);
    ~BackgroundIntegrityCheck() override;

    // Starts the check once; `priority` for the till is QThread::IdlePriority (the cashier's work
    // goes first). False when it was started before.
    bool start(QThread::Priority priority = QThread::InheritPriority);
    // Interrupts a running check; no signal follows.
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void healthy();
    // The file is damaged: what SQLite found.
    void damaged(const QString& finding);
    // The check could not run to its end (an I/O error, the file gone); the database may be fine.
    void failed(const QString& message);

private:
    void check();
    void setHandle(void* handle);

    QString m_path;
    std::unique_ptr<QThread> m_thread;
    std::atomic_bool m_cancelled{false};
    QMutex m_handleMutex;
    void* m_handle = nullptr;  // sqlite3* of the running check, for sqlite3_interrupt
};

}  // namespace loyalty
