#pragma once

#include <QString>
#include <QStringList>

namespace loyalty::bench {

// What one run of loyalty-bench measures, on how much data, and where it works.
struct BenchOptions
{
    bool tiny = false;  // a few thousand members and few iterations: proves that every figure runs
    bool json = false;
    QStringList only;         // figure names; empty: all
    QString workDirectory;    // caches and scratch files
    QString binaryDirectory;  // the build tree holding app/till, app/ctl, app/hq
    QString postgresServer;   // postgresql://user@host:port/db of a server the bench may create databases on

    qint64 members() const { return tiny ? 3000 : 1'000'000; }
    qint64 extraCardEvery() const { return 5; }  // every 5th member has a second card: 1.2 M cards for 1 M
    qint64 historyMembers() const { return tiny ? 500 : 10'000; }
    int historyDays() const { return tiny ? 10 : 365; }
    int backlogEvents() const { return tiny ? 1000 : 100'000; }
    int iterations() const { return tiny ? 50 : 2000; }
    int rssSales() const { return tiny ? 300 : 10'000; }
    int manyTills() const { return tiny ? 20 : 500; }
    // A program of the build tree: tool "ctl" gives BINARY/app/ctl/loyalty-ctl.
    QString binary(const QString& tool) const
    {
        return binaryDirectory + QStringLiteral("/app/") + tool + QStringLiteral("/loyalty-") + tool;
    }
    bool wants(const QString& figure) const { return only.isEmpty() || only.contains(figure); }
};

}  // namespace loyalty::bench
