#include "http/HqWorkerPool.h"

#include "HeadOfficeApi.h"
#include "http/ApiResponse.h"
#include "http/HqEndpoints.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <algorithm>

namespace loyalty::hq {

HqWorkerPool::HqWorkerPool(const Clock& clock)
    : m_clock(clock)
{
}

HqWorkerPool::~HqWorkerPool()
{
    stop();
}

Result<Done> HqWorkerPool::start(OfficeFactory factory, int workers)
{
    m_factory = std::move(factory);
    m_workerCount = qMax(1, workers);
    for (int i = 0; i < m_workerCount; ++i) {
        m_threads.push_back(std::unique_ptr<QThread>(QThread::create([this] { serve(); })));
        m_threads.back()->setObjectName(QStringLiteral("hq-worker-%1").arg(i + 1));
        m_threads.back()->start();
    }
    std::optional<Error> failure;
    {
        std::unique_lock lock(m_mutex);
        m_started.wait(lock, [this] { return m_startedCount == m_workerCount; });
        failure = m_startError;
    }
    if (failure) {
        stop();
        return *failure;
    }
    return Done{};
}

void HqWorkerPool::submit(Work work, QObject* receiver, Answer answer, bool groupable)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back({std::move(work), receiver, std::move(answer), groupable});
    }
    m_wake.notify_one();
}

void HqWorkerPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& thread : m_threads)
        thread->wait();
    m_threads.clear();
    std::lock_guard lock(m_mutex);
    m_stopping = false;
    m_startedCount = 0;
    m_startError.reset();
}

void HqWorkerPool::serve()
{
    auto office = m_factory();
    {
        std::lock_guard lock(m_mutex);
        if (!office && !m_startError)
            m_startError = office.error();
        ++m_startedCount;
        // A failed start stops every worker; the others must not wait for work.
        if (!office)
            m_stopping = true;
    }
    m_started.notify_all();
    m_wake.notify_all();
    if (!office)
        return;
    {
        const HqEndpoints endpoints(**office, m_clock);
        for (;;) {
            std::vector<Job> taken;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
                if (m_jobs.empty())
                    break;  // stopping, and everything queued is done
                // This worker's share of what waits, so several workers (PostgreSQL) each get some.
                const auto workers = qsizetype(m_workerCount);
                const qsizetype share =
                    std::clamp<qsizetype>((qsizetype(m_jobs.size()) + workers - 1) / workers, 1, kMaxGroup);
                for (qsizetype i = 0; i < share; ++i) {
                    taken.push_back(std::move(m_jobs.front()));
                    m_jobs.pop_front();
                }
            }
            std::vector<Job> group;
            for (Job& job : taken) {
                if (job.groupable)
                    group.push_back(std::move(job));
                else
                    answer(job, job.work(endpoints));
            }
            doGroup(**office, endpoints, group);
        }
    }
    office.value().reset();  // the connection closes in the thread that opened it
}

void HqWorkerPool::answer(Job& job, QHttpServerResponse&& response)
{
    // Queued to the receiver's thread, which owns the socket; nothing here touches it.
    auto held = std::make_shared<QHttpServerResponse>(std::move(response));
    QMetaObject::invokeMethod(
        job.receiver, [answer = std::move(job.answer), held] { answer(std::move(*held)); }, Qt::QueuedConnection);
}

void HqWorkerPool::doGroup(HeadOfficeApi& office, const HqEndpoints& endpoints, std::vector<Job>& jobs) const
{
    if (jobs.empty())
        return;
    if (jobs.size() == 1 || !office.beginGroup()) {
        // Nothing to share a commit with, or no write transaction now: each in its own, as ever.
        for (Job& job : jobs)
            answer(job, job.work(endpoints));
        return;
    }
    std::vector<QHttpServerResponse> responses;
    responses.reserve(jobs.size());
    for (Job& job : jobs)
        responses.push_back(job.work(endpoints));
    if (auto committed = office.commitGroup(); !committed) {
        // Nothing of the group is stored: every till is told to try again, none that it succeeded.
        office.rollbackGroup();
        ApiError unavailable = ApiResponse::unavailable();
        unavailable.message = committed.error().message;
        for (Job& job : jobs)
            answer(job, ApiResponse::error(unavailable, m_clock));
        return;
    }
    for (std::size_t i = 0; i < jobs.size(); ++i)
        answer(jobs[i], std::move(responses[i]));
}

}  // namespace loyalty::hq
