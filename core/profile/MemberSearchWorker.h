#pragma once

#include "profile/MemberSearchPage.h"

#include <QAtomicInteger>
#include <QObject>

#include <memory>

namespace loyalty {

class MemberSearch;
class ReadConnection;

// MemberSearchThread's half on the worker thread: opens its connection at the first request (in
// that thread, as QtSql requires) and answers requests unless a newer one is already waiting.
class MemberSearchWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberSearchWorker)

public:
    MemberSearchWorker(QString databasePath, const QAtomicInteger<quint64>& latest);
    ~MemberSearchWorker() override;

    void search(quint64 requestId, const QString& query, qint64 cursor, int limit);

Q_SIGNALS:
    void found(quint64 requestId, const loyalty::MemberSearchPage& page, qint64 cursor);
    void failed(quint64 requestId, const QString& message);

private:
    QString m_path;
    const QAtomicInteger<quint64>& m_latest;
    std::unique_ptr<ReadConnection> m_connection;
    std::unique_ptr<MemberSearch> m_search;
};

}  // namespace loyalty
