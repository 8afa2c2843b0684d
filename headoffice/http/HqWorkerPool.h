#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QHttpServerResponse>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

class QObject;
class QThread;

namespace loyalty {
class Clock;
}

namespace loyalty::hq {

class HeadOfficeApi;
class HqEndpoints;

// The threads that do head office's storage work for HqServer, so the HTTP thread only reads
// requests and writes answers while the database works. Each worker opens its own head office (its
// own database connection) in its own thread and uses it only there. SQLite gets one worker — one
// writer, so no two connections ever wait on SQLite's write lock —, PostgreSQL a few.
class HqWorkerPool final
{
public:
    // The most requests one group commit holds: enough to amortise the commit over a crowd of tills,
    // few enough that a group's answers are not held back long.
    static constexpr int kMaxGroup = 64;

    Q_DECLARE_TR_FUNCTIONS(HqWorkerPool)

public:
    // Called once in each worker's thread; what it returns lives and dies in that thread.
    using OfficeFactory = std::function<Result<std::unique_ptr<HeadOfficeApi>>()>;
    using Work = std::function<QHttpServerResponse(const HqEndpoints& endpoints)>;
    // Runs in the receiver's thread with the work's response.
    using Answer = std::function<void(QHttpServerResponse&& response)>;

    explicit HqWorkerPool(const Clock& clock);
    ~HqWorkerPool();
    Q_DISABLE_COPY_MOVE(HqWorkerPool)

    // Starts `workers` threads and waits until each has opened its head office; the first failure
    // stops them all and is returned.
    Result<Done> start(OfficeFactory factory, int workers);
    // Queues `work`; its answer is posted to `receiver`'s thread (dropped if the receiver is gone).
    // Groupable work (pushes) is done together with the other groupable work waiting then, in one
    // transaction of the worker's head office (HeadOfficeApi::beginGroup): one commit for all of
    // them, and every answer only after it.
    void submit(Work work, QObject* receiver, Answer answer, bool groupable = false);
    // Does every queued work, posts the answers and joins the threads.
    void stop();

    bool isRunning() const { return !m_threads.empty(); }

private:
    struct Job
    {
        Work work;
        QObject* receiver = nullptr;
        Answer answer;
        bool groupable = false;
    };

    void serve();
    void doGroup(HeadOfficeApi& office, const HqEndpoints& endpoints, std::vector<Job>& jobs) const;
    static void answer(Job& job, QHttpServerResponse&& response);

    const Clock& m_clock;
    OfficeFactory m_factory;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;     // work queued, or stopping
    std::condition_variable m_started;  // a worker opened its office (or failed to)
    std::deque<Job> m_jobs;
    int m_startedCount = 0;
    int m_workerCount = 0;  // set before any worker starts; only read by them
    std::optional<Error> m_startError;
    bool m_stopping = false;
};

}  // namespace loyalty::hq
