#pragma once

#include "BenchOptions.h"

#include <QJsonObject>
#include <QString>

namespace loyalty::bench {

// A till made for a sync figure with the real programs: `loyalty-ctl demo`, a code from
// `loyalty-hq terminal add`, `loyalty-ctl provision`; then a backlog sold through SaleSession.
class BenchTill final
{
public:
    BenchTill(const BenchOptions& options, QString path);

    // Empty on success, else what failed. `demoMembers` 0: provision an empty database (a new till).
    // `report`: loyalty-ctl provision's JSON (snapshot_used, snapshot_skipped, members, …).
    QString provision(const QString& hqDatabase, const QString& hqUrl, qint64 demoMembers, qint64* elapsedMs = nullptr,
                      QJsonObject* report = nullptr);
    // `sales` sales over members 1..members through SaleSession/SaleService, each with its outbox
    // event; this connection writes with synchronous=OFF (only making the backlog, never measured).
    QString makeBacklog(int sales, qint64 members);
    // Sync rounds until nothing is pending; empty on success.
    QString pushAll(int* rounds);
    const QString& path() const { return m_path; }

private:
    const BenchOptions& m_options;
    QString m_path;
};

}  // namespace loyalty::bench
