#pragma once

#include "profile/MemberSearchPage.h"

#include <QAtomicInteger>
#include <QObject>
#include <QThread>

namespace loyalty {

class MemberSearchWorker;

// Runs MemberSearch on a thread of its own with its own read-only connection, so the manager's
// screen never waits on the disk while they type. Only the newest request counts: one that was
// overtaken by a newer one before it started is skipped, and its answer would be dropped anyway.
class MemberSearchThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberSearchThread)

public:
    explicit MemberSearchThread(const QString& databasePath, QObject* parent = nullptr);
    ~MemberSearchThread() override;

    // Starts a search; found() or failed() answers with the returned id.
    quint64 request(const QString& query, qint64 cursor = 0, int limit = 0);
    quint64 latest() const { return m_latest.loadAcquire(); }

Q_SIGNALS:
    // `cursor` is the one the request was made with: 0 for a first page.
    void found(quint64 requestId, const loyalty::MemberSearchPage& page, qint64 cursor);
    void failed(quint64 requestId, const QString& message);
    void requested(quint64 requestId, const QString& query, qint64 cursor, int limit);

private:
    QAtomicInteger<quint64> m_latest;  // before m_worker, which reads it
    QThread m_thread;
    MemberSearchWorker* m_worker;
};

}  // namespace loyalty
