#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace loyalty {

// A read-only connection of its own to the till database, for a worker thread (the manager's member
// search) that must not share the GUI thread's connection. Opened and closed in the thread that uses
// it; it never migrates, checks or quarantines the file (the till's Database did that at start).
class ReadConnection final
{
    Q_DECLARE_TR_FUNCTIONS(ReadConnection)

public:
    static Result<std::unique_ptr<ReadConnection>> open(const QString& path);
    ~ReadConnection();
    Q_DISABLE_COPY_MOVE(ReadConnection)

    QSqlDatabase connection() const { return m_db; }

private:
    explicit ReadConnection(QString connectionName);

    QString m_connectionName;
    QSqlDatabase m_db;
};

}  // namespace loyalty
