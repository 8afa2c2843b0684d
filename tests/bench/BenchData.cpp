#include "BenchData.h"

#include "BenchProgramme.h"
#include "demo/DemoDataGenerator.h"
#include "demo/DemoHistory.h"
#include "program/format/ProgrammeStore.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "time/FixedClock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>

#include <cstdio>

namespace loyalty::bench {

namespace {

constexpr qint64 kSecondCardOffset = 20'000'000;  // second cards use demo numbers far above any member

Error failure(const QString& message)
{
    return Error{Error::Code::Storage, message, QStringLiteral("bench_data")};
}

void progress(const QString& message)
{
    std::fprintf(stderr, "loyalty-bench: %s\n", qPrintable(message));
}

}  // namespace

BenchData::BenchData(BenchOptions options)
    : m_options(std::move(options))
{
}

QDateTime BenchData::generatedAt()
{
    return QDateTime(QDate(2026, 11, 2), QTime(12, 0), Qt::UTC);
}

QString BenchData::cardOf(qint64 member)
{
    return DemoDataGenerator::cardNumberFor(member);
}

QString BenchData::secondCardOf(qint64 member)
{
    return DemoDataGenerator::cardNumberFor(kSecondCardOffset + member);
}

QString BenchData::workPath(const QString& relative) const
{
    return QDir(m_options.workDirectory).filePath(relative);
}

Result<QString> BenchData::tillDatabase()
{
    const QString name = QStringLiteral("cache/till-m%1-c%2-h%3x%4-r%5-v1.db")
                             .arg(m_options.members())
                             .arg(m_options.extraCardEvery())
                             .arg(m_options.historyMembers())
                             .arg(m_options.historyDays())
                             .arg(BenchProgramme::kRules);
    const QString path = workPath(name);
    if (QFile::exists(path))
        return path;
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Generated under another name and renamed when complete: an interrupted run never leaves a cache behind.
    const QString partial = path + QStringLiteral(".partial");
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(partial + suffix);
    QElapsedTimer timer;
    timer.start();
    if (auto made = generate(partial); !made)
        return made.error();
    if (!QFile::rename(partial, path))
        return failure(QStringLiteral("cannot rename %1 to %2").arg(partial, path));
    progress(QStringLiteral("data generated in %1 s: %2").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1).arg(path));
    return path;
}

Result<QString> BenchData::copyOfTill(const QString& name)
{
    const auto source = tillDatabase();
    if (!source)
        return source.error();
    const QString target = workPath(QStringLiteral("run/%1.db").arg(name));
    QDir().mkpath(QFileInfo(target).absolutePath());
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(target + suffix);
    if (!QFile::copy(*source, target))
        return failure(QStringLiteral("cannot copy %1 to %2").arg(*source, target));
    return target;
}

Result<Done> BenchData::generate(const QString& path) const
{
    const FixedClock clock(generatedAt());
    auto opened = Database::open(path, clock);
    if (!opened)
        return opened.error();
    Database& database = **opened;
    // Only while generating: the cache is renamed into place once complete, so a crash cannot leave half of it.
    QSqlQuery pragma(database.connection());
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous = OFF")))
        return failure(QStringLiteral("PRAGMA synchronous failed"));

    progress(QStringLiteral("generating %1 members").arg(m_options.members()));
    DemoDataGenerator generator(database, clock);
    const auto demo = generator.generate(m_options.members());
    if (!demo)
        return demo.error();

    progress(QStringLiteral("adding second cards to every %1th member").arg(m_options.extraCardEvery()));
    {
        Transaction transaction(database.connection());
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
        QSqlQuery card(database.connection());
        card.prepare(
            QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at) VALUES (?, ?, 'active', ?)"));
        const QString issued = generatedAt().toString(Qt::ISODate);
        for (qint64 member = m_options.extraCardEvery(); member <= m_options.members();
             member += m_options.extraCardEvery()) {
            card.bindValue(0, secondCardOf(member));
            card.bindValue(1, member);
            card.bindValue(2, issued);
            if (!card.exec())
                return failure(QStringLiteral("second card of member %1 not inserted").arg(member));
        }
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
    }

    progress(QStringLiteral("activating the %1-rule programme").arg(BenchProgramme::kRules));
    ProgrammeStore programmes(database.connection());
    const auto stored = programmes.storedVersion();
    if (!stored)
        return stored.error();
    const auto activated =
        programmes.activate(BenchProgramme::document(*stored + 1), generatedAt().toString(Qt::ISODate));
    if (!activated)
        return activated.error();

    progress(QStringLiteral("selling %1 days of history to %2 members through SaleService")
                 .arg(m_options.historyDays())
                 .arg(m_options.historyMembers()));
    DemoHistory::Options history;
    history.days = m_options.historyDays();
    history.memberPool = m_options.historyMembers();
    const auto sold = DemoHistory(database, clock).generate(history);
    if (!sold)
        return sold.error();
    if (!pragma.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return failure(QStringLiteral("checkpoint failed"));
    return Done{};
}

}  // namespace loyalty::bench
