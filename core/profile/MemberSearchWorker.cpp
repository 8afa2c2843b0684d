#include "profile/MemberSearchWorker.h"

#include "profile/MemberSearch.h"
#include "profile/ReadConnection.h"

namespace loyalty {

MemberSearchWorker::MemberSearchWorker(QString databasePath, const QAtomicInteger<quint64>& latest)
    : m_path(std::move(databasePath))
    , m_latest(latest)
{
}

// The search's prepared queries go before the connection they were prepared on.
MemberSearchWorker::~MemberSearchWorker()
{
    m_search.reset();
    m_connection.reset();
}

void MemberSearchWorker::search(quint64 requestId, const QString& query, qint64 cursor, int limit)
{
    if (requestId < m_latest.loadAcquire())
        return;  // overtaken by a newer request: nobody waits for this answer
    if (!m_connection) {
        auto opened = ReadConnection::open(m_path);
        if (!opened) {
            Q_EMIT failed(requestId, opened.error().message);
            return;
        }
        m_connection = std::move(opened).value();
        m_search = std::make_unique<MemberSearch>(m_connection->connection());
    }
    const auto page = m_search->search(query, limit > 0 ? limit : MemberSearch::kDefaultLimit, cursor);
    if (!page) {
        Q_EMIT failed(requestId, page.error().message);
        return;
    }
    Q_EMIT found(requestId, *page, cursor);
}

}  // namespace loyalty
