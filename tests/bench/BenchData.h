#pragma once

#include "BenchOptions.h"
#include "common/Result.h"

#include <QDateTime>
#include <QString>

namespace loyalty::bench {

// The benchmark's data, generated deterministically (fixed seeds, a fixed clock) and cached in the
// work directory under a name made of its parameters, so a second run reuses it: members and cards
// through the demo generator (DemoDataGenerator, the same bulk path as `loyalty-ctl demo`), a second
// card for every 5th member, the 50-rule programme activated through ProgrammeStore, and a year of
// history sold through the real SaleService (DemoHistory) for the first historyMembers members.
// Figures that write get a copy, so the cache stays as generated.
class BenchData final
{
public:
    explicit BenchData(BenchOptions options);

    // The cached till database, generated on first use; progress goes to stderr.
    Result<QString> tillDatabase();
    // A fresh copy of the cached database for a figure that writes: WORK/run/NAME.db.
    Result<QString> copyOfTill(const QString& name);
    QString workPath(const QString& relative) const;
    const BenchOptions& options() const { return m_options; }
    // The moment the data was generated at: its "now".
    static QDateTime generatedAt();
    // The card numbers of member n (1-based): the demo card and, for every 5th member, the second one.
    static QString cardOf(qint64 member);
    static QString secondCardOf(qint64 member);

private:
    Result<Done> generate(const QString& path) const;

    BenchOptions m_options;
};

}  // namespace loyalty::bench
