// hq_push_bench [--db PATH-or-URL] [--events N]: how many events a second head office applies
// through HeadOfficeApi::push in batches of 1000 (sales with two ledger entries each), without
// HTTP. hq_push_bench --pull --db PATH-or-URL: how long a new till's full pull of an existing head
// office takes (pages of 5000, e.g. after loyalty-hq demo --members 1000000). Not a test: speed is
// measured, never asserted.
#include "HeadOffice.h"
#include "admin/HqDemo.h"
#include "store/HqDatabase.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/SystemClock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>

using namespace loyalty;
using namespace loyalty::hq;

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    QTemporaryDir dir;
    QString db = dir.filePath(QStringLiteral("bench.db"));
    qint64 events = 20000;
    const bool pull = arguments.contains(QStringLiteral("--pull"));
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--db"))
            db = arguments[i + 1];
        else if (arguments[i] == QLatin1String("--events"))
            events = arguments[i + 1].toLongLong();
    }
    QTextStream out(stdout);
    const SystemClock clock;
    auto database = HqDatabase::open(HqDatabaseUrl::parse(db).value());
    if (!database) {
        out << database.error().message << Qt::endl;
        return 1;
    }
    HeadOffice office(**database, clock);
    if (pull) {
        const QString till = office.provision(office.addTerminal(QStringLiteral("Pull"))->code, QString())->tillId;
        QElapsedTimer timer;
        timer.start();
        QString cursor;
        qint64 changes = 0;
        for (bool more = true; more;) {
            const auto page = office.changes(till, cursor, sync::kMaxChangesLimit);
            if (!page) {
                out << page.error().message << Qt::endl;
                return 1;
            }
            changes += page->changes.size();
            cursor = page->cursor;
            more = page->more;
        }
        const qint64 ms = timer.elapsed();
        out << changes << " changes pulled in " << ms << " ms: " << (ms > 0 ? changes * 1000 / ms : 0) << " changes/s ("
            << (*database)->dialect().name() << ")" << Qt::endl;
        return 0;
    }
    constexpr int kMembers = 1000;
    if (!HqDemo(**database, clock).generate(kMembers)) {
        out << "demo data failed (the database must be empty)" << Qt::endl;
        return 1;
    }
    const auto code = office.addTerminal(QStringLiteral("Bench"));
    const QString till = office.provision(code->code, QString())->tillId;
    QElapsedTimer timer;
    qint64 applyMs = 0;
    qint64 sequence = 0;
    while (sequence < events) {
        QJsonArray batch;
        for (int i = 0; i < sync::kMaxEventsPerBatch && sequence < events; ++i) {
            ++sequence;
            const QString member = sync::memberUuidForNumber(1 + sequence % kMembers);
            const QString at = clock.nowIso();
            const QJsonObject entry{{QStringLiteral("n"), 1},
                                    {QStringLiteral("member_uuid"), member},
                                    {QStringLiteral("account"), QStringLiteral("points")},
                                    {QStringLiteral("kind"), QStringLiteral("earn")},
                                    {QStringLiteral("points"), 12},
                                    {QStringLiteral("reason"), QStringLiteral("base")},
                                    {QStringLiteral("explanation"), QStringLiteral("+12 points")},
                                    {QStringLiteral("expires_on"), QStringLiteral("2027-12-31")},
                                    {QStringLiteral("created_at"), at}};
            QJsonObject second = entry;
            second.insert(QStringLiteral("n"), 2);
            second.insert(QStringLiteral("points"), 3);
            const QJsonObject payload{{QStringLiteral("sale_uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                      {QStringLiteral("member_uuid"), member},
                                      {QStringLiteral("completed_at"), at},
                                      {QStringLiteral("total_minor"), 1299},
                                      {QStringLiteral("eligible_minor"), 1299},
                                      {QStringLiteral("programme_version"), 1},
                                      {QStringLiteral("effects"), QJsonArray()},
                                      {QStringLiteral("ledger"), QJsonArray{entry, second}}};
            batch.append(QJsonObject{{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                     {QStringLiteral("till_id"), till},
                                     {QStringLiteral("sequence"), sequence},
                                     {QStringLiteral("type"), QStringLiteral("sale.completed")},
                                     {QStringLiteral("created_at"), at},
                                     {QStringLiteral("payload"), payload}});
        }
        timer.start();
        const auto results = office.push(till, batch);
        applyMs += timer.elapsed();
        if (!results) {
            out << results.error().message << Qt::endl;
            return 1;
        }
    }
    out << events << " events in " << applyMs << " ms: " << (applyMs > 0 ? events * 1000 / applyMs : 0) << " events/s ("
        << (*database)->dialect().name() << ")" << Qt::endl;
    return 0;
}
