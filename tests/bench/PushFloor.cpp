#include "PushFloor.h"

#include "SampleSet.h"
#include "store/HqBulkInsert.h"
#include "store/HqDatabase.h"
#include "store/HqDatabaseUrl.h"
#include "store/HqTransaction.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <ctime>

namespace loyalty::bench {

namespace {

struct Rows
{
    QList<QVariantList> events;   // id, till_id, sequence, type, created_at, received_at, payload (UTF-8)
    QList<QVariantList> sales;    // uuid, member_uuid, till_id, completed_at, total_minor, eligible_minor, event_id
    QList<QVariantList> ledger;   // key, member_uuid, account, kind, points, reason, explanation, expires_on, ...
    QList<QVariantList> changes;  // kind, origin_till, data
};

Result<QList<QVariantList>> read(const QSqlDatabase& db, const QString& sql, int columns, const QString& till)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Error{Error::Code::Storage, query.lastError().text()};
    query.bindValue(0, till);
    if (!query.exec())
        return Error{Error::Code::Storage, query.lastError().text()};
    QList<QVariantList> rows;
    while (query.next()) {
        QVariantList row;
        for (int c = 0; c < columns; ++c)
            row << query.value(c);
        rows << row;
    }
    return rows;
}

double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

}  // namespace

FigureResult PushFloor::measure(const QString& hqDatabase, int perTransaction, bool postgresql)
{
    const QString name = postgresql ? QStringLiteral("push_floor_postgresql") : QStringLiteral("push_floor");
    const QString backend = postgresql ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    const QString title = QStringLiteral("floor of the %1 push: head office's rows of the same events alone, "
                                         "prepared multi-row inserts, one transaction per request")
                              .arg(backend);
    const auto url = hq::HqDatabaseUrl::parse(hqDatabase);
    if (!url)
        return FigureResult::failed(name, title, url.error().message);
    auto opened = hq::HqDatabase::open(*url, hq::HqDatabase::OpenMode::MustExist);
    if (!opened)
        return FigureResult::failed(name, title, opened.error().message);
    hq::HqDatabase& database = **opened;
    const QSqlDatabase db = database.connection();

    // The pushing till's rows, as the push stored them.
    QSqlQuery tillQuery(db);
    if (!tillQuery.exec(QStringLiteral("SELECT till_id FROM events GROUP BY till_id ORDER BY count(*) DESC LIMIT 1")) ||
        !tillQuery.next())
        return FigureResult::failed(name, title, QStringLiteral("no pushed events in %1").arg(hqDatabase));
    const QString till = tillQuery.value(0).toString();
    tillQuery.finish();
    Rows rows;
    const struct
    {
        QList<QVariantList>* into;
        QString sql;
        int columns;
    } reads[] = {
        {&rows.events,
         QStringLiteral("SELECT id, till_id, sequence, type, created_at, received_at, payload FROM events"
                        " WHERE till_id = ? ORDER BY sequence"),
         7},
        {&rows.sales,
         QStringLiteral("SELECT uuid, member_uuid, till_id, completed_at, total_minor, eligible_minor, event_id"
                        " FROM sales WHERE till_id = ?"),
         7},
        {&rows.ledger,
         QStringLiteral("SELECT key, member_uuid, account, kind, points, reason, explanation, expires_on, created_at,"
                        " till_id FROM ledger WHERE till_id = ?"),
         10},
        {&rows.changes,
         QStringLiteral("SELECT kind, origin_till, data FROM changes WHERE origin_till = ? ORDER BY seq"), 3},
    };
    for (const auto& spec : reads) {
        auto read_ = read(db, spec.sql, spec.columns, till);
        if (!read_)
            return FigureResult::failed(name, title, read_.error().message);
        *spec.into = *read_;
    }
    const qsizetype events = rows.events.size();
    if (events == 0)
        return FigureResult::failed(name, title, QStringLiteral("no pushed events"));

    // New random keys, as new events would bring (the unique indexes see the same scatter), worked
    // out before the clock starts; each row goes into the transaction of its event.
    QHash<QString, qsizetype> eventIndex;
    QList<QString> newIds;
    for (qsizetype i = 0; i < events; ++i) {
        QVariantList& row = rows.events[i];
        eventIndex.insert(row[0].toString(), i);
        newIds << QUuid::createUuid().toString(QUuid::WithoutBraces);
        row[0] = newIds.back();
        row[6] = row[6].toString().toUtf8();  // bound as UTF-8 text, as the push binds the payload
    }
    const qsizetype batches = (events + perTransaction - 1) / perTransaction;
    QList<QList<QVariantList>> salesOf(batches);
    QList<QList<QVariantList>> ledgerOf(batches);
    QList<QList<QVariantList>> changesOf(batches);
    for (QVariantList& row : rows.sales) {
        const qsizetype event = eventIndex.value(row[6].toString(), -1);
        if (event < 0)
            continue;
        row[0] = QUuid::createUuid().toString(QUuid::WithoutBraces);
        row[6] = newIds[event];
        salesOf[event / perTransaction] << row;
    }
    for (QVariantList& row : rows.ledger) {
        const QString key = row[0].toString();
        const qsizetype slash = key.lastIndexOf(u'/');
        const qsizetype event = eventIndex.value(key.left(slash), -1);
        if (event < 0)
            continue;
        row[0] = QString(newIds[event] + key.mid(slash));
        ledgerOf[event / perTransaction] << row;
    }
    // Changes name no event: spread in their order over the batches as they came.
    for (qsizetype i = 0; i < rows.changes.size(); ++i)
        changesOf[std::min<qsizetype>(batches - 1, i * batches / rows.changes.size())] << rows.changes[i];

    hq::HqBulkInsert eventRows(database, QStringLiteral("events"),
                               {QStringLiteral("id"), QStringLiteral("till_id"), QStringLiteral("sequence"),
                                QStringLiteral("type"), QStringLiteral("created_at"), QStringLiteral("received_at"),
                                QStringLiteral("payload")});
    hq::HqBulkInsert saleRows(database, QStringLiteral("sales"),
                              {QStringLiteral("uuid"), QStringLiteral("member_uuid"), QStringLiteral("till_id"),
                               QStringLiteral("completed_at"), QStringLiteral("total_minor"),
                               QStringLiteral("eligible_minor"), QStringLiteral("event_id")});
    hq::HqBulkInsert ledgerRows(database, QStringLiteral("ledger"),
                                {QStringLiteral("key"), QStringLiteral("member_uuid"), QStringLiteral("account"),
                                 QStringLiteral("kind"), QStringLiteral("points"), QStringLiteral("reason"),
                                 QStringLiteral("explanation"), QStringLiteral("expires_on"),
                                 QStringLiteral("created_at"), QStringLiteral("till_id")});
    hq::HqBulkInsert changeRows(database, QStringLiteral("changes"),
                                {QStringLiteral("kind"), QStringLiteral("origin_till"), QStringLiteral("data")});
    QSqlQuery counters(db);
    if (!counters.prepare(QStringLiteral("UPDATE till_counters SET accepted = accepted + ?, last_seen = ?"
                                         " WHERE till_id = ?")))
        return FigureResult::failed(name, title, counters.lastError().text());

    SampleSet rate;
    QElapsedTimer wall;
    const double cpuBefore = processCpuSeconds();
    wall.start();
    for (qsizetype batch = 0; batch < batches; ++batch) {
        QElapsedTimer one;
        one.start();
        const qsizetype first = batch * perTransaction;
        const qsizetype last = std::min<qsizetype>(events, first + perTransaction);
        hq::HqTransaction transaction(database);
        if (auto begun = transaction.beginWrite(); !begun)
            return FigureResult::failed(name, title, begun.error().message);
        for (qsizetype i = first; i < last; ++i)
            eventRows.add(rows.events[i]);
        for (const QVariantList& row : salesOf[batch])
            saleRows.add(row);
        for (const QVariantList& row : ledgerOf[batch])
            ledgerRows.add(row);
        for (const QVariantList& row : changesOf[batch])
            changeRows.add(row);
        for (hq::HqBulkInsert* bulk : {&eventRows, &saleRows, &ledgerRows, &changeRows}) {
            if (auto flushed = bulk->flush(); !flushed)
                return FigureResult::failed(name, title, flushed.error().message);
        }
        counters.bindValue(0, last - first);
        counters.bindValue(1, QStringLiteral("2026-12-01T00:00:00.000Z"));
        counters.bindValue(2, till);
        if (!counters.exec())
            return FigureResult::failed(name, title, counters.lastError().text());
        if (auto committed = transaction.commit(); !committed)
            return FigureResult::failed(name, title, committed.error().message);
        rate.add(double(last - first) / (double(one.nsecsElapsed()) / 1e9));
    }
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = processCpuSeconds() - cpuBefore;
    SampleSet overall;
    overall.add(double(events) / seconds);
    FigureResult result = FigureResult::of(name, title, QStringLiteral("events/s"), overall);
    result.target = QStringLiteral("(reference for the push)");
    result.met = true;
    result.how = QStringLiteral("after push_%10, on its head-office database: the pushing till's %1 events, %2 "
                                "sales, %3 ledger entries and %4 changes read back, given new random keys (event "
                                "id, sale uuid, ledger key) and written again with HqBulkInsert (statements prepared "
                                "once, up to 64 rows a statement), %5 events a write transaction plus the till's "
                                "counter, with the connection settings loyalty-hq uses (SQLite: WAL + "
                                "synchronous=FULL); %6 s wall, %7 µs of this process's CPU and %8 µs of wall per "
                                "event; per transaction median %9 events/s; one measurement (median = p99 = max)")
                     .arg(events)
                     .arg(rows.sales.size())
                     .arg(rows.ledger.size())
                     .arg(rows.changes.size())
                     .arg(perTransaction)
                     .arg(seconds, 0, 'f', 2)
                     .arg(cpu * 1e6 / double(events), 0, 'f', 1)
                     .arg(seconds * 1e6 / double(events), 0, 'f', 1)
                     .arg(rate.median(), 0, 'f', 0)
                     .arg(postgresql ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    return result;
}

}  // namespace loyalty::bench
