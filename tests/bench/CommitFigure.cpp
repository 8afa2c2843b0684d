#include "CommitFigure.h"

#include "BenchData.h"
#include "FsyncProbe.h"
#include "TillOnDisk.h"
#include "catalog/ProductRepository.h"
#include "sale/SaleSession.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <random>

namespace loyalty::bench {

namespace {

// The naive writer: one transaction (one fsync) per outbox-sized row, against all rows in one.
QString batchingComparison(const QSqlDatabase& db, int rows)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS bench_scratch (id INTEGER PRIMARY KEY, payload TEXT)")))
        return QStringLiteral("naive comparison: scratch table not created");
    const QString payload(600, QLatin1Char('p'));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO bench_scratch (payload) VALUES (?)"));
    QElapsedTimer single;
    single.start();
    for (int i = 0; i < rows; ++i) {
        insert.bindValue(0, payload);
        if (!insert.exec())
            return QStringLiteral("naive comparison: insert failed");
    }
    const double singleMs = double(single.nsecsElapsed()) / 1e6;
    QElapsedTimer batched;
    batched.start();
    {
        Transaction transaction(db);
        if (!transaction.begin())
            return QStringLiteral("naive comparison: begin failed");
        for (int i = 0; i < rows; ++i) {
            insert.bindValue(0, payload);
            if (!insert.exec())
                return QStringLiteral("naive comparison: insert failed");
        }
        if (!transaction.commit())
            return QStringLiteral("naive comparison: commit failed");
    }
    const double batchedMs = double(batched.nsecsElapsed()) / 1e6;
    if (!query.exec(QStringLiteral("DROP TABLE bench_scratch")))
        return QStringLiteral("naive comparison: scratch table not dropped");
    return QStringLiteral("naive: %1 rows of 600 bytes, one commit each (synchronous=FULL): %2 ms in all, %3 rows/s; "
                          "the same rows in one transaction: %4 ms, %5 rows/s")
        .arg(rows)
        .arg(singleMs, 0, 'f', 0)
        .arg(double(rows) * 1000.0 / singleMs, 0, 'f', 0)
        .arg(batchedMs, 0, 'f', 1)
        .arg(double(rows) * 1000.0 / batchedMs, 0, 'f', 0);
}

// One table's rows of a sale, read back to be written again unchanged but for the keys.
struct TableRows
{
    QString table;
    QStringList columns;  // without the rowid `id`
    QList<QVariantList> rows;
};

Result<TableRows> rowsOf(const QSqlDatabase& db, const QString& table, const QString& where, qint64 id)
{
    QSqlQuery query(db);
    // Table and column names are the bench's own constants and the schema's; only values are bound.
    if (!query.prepare(QStringLiteral("SELECT * FROM %1 WHERE %2 = ?").arg(table, where)))
        return Error{Error::Code::Storage, query.lastError().text()};
    query.bindValue(0, id);
    if (!query.exec())
        return Error{Error::Code::Storage, query.lastError().text()};
    TableRows rows{table, {}, {}};
    const QSqlRecord record = query.record();
    for (int c = 0; c < record.count(); ++c) {
        if (record.fieldName(c) != QLatin1String("id"))
            rows.columns << record.fieldName(c);
    }
    while (query.next()) {
        QVariantList values;
        for (const QString& column : rows.columns)
            values << query.value(column);
        rows.rows << values;
    }
    return rows;
}

// The floor of a durable sale commit on this disk: the last measured sale's own rows (the sale, its
// lines, effects and their line shares, ledger entries, the outbox event with its sequence) written
// again through statements prepared once, in BEGIN IMMEDIATE ... COMMIT on the same connection, WAL
// and synchronous=FULL, with no reading, evaluating or JSON: what any code that stores this sale
// durably must at least spend.
Result<SampleSet> commitFloor(const QSqlDatabase& db, int count)
{
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT max(id) FROM sales")) || !last.next())
        return Error{Error::Code::Storage, last.lastError().text()};
    const qint64 saleId = last.value(0).toLongLong();
    last.finish();
    QList<TableRows> tables;
    for (const auto& [table, where] : {std::pair{QStringLiteral("sales"), QStringLiteral("id")},
                                       {QStringLiteral("sale_lines"), QStringLiteral("sale_id")},
                                       {QStringLiteral("sale_effects"), QStringLiteral("sale_id")},
                                       {QStringLiteral("sale_effect_lines"), QStringLiteral("sale_id")},
                                       {QStringLiteral("ledger_entries"), QStringLiteral("sale_id")},
                                       {QStringLiteral("outbox_events"), QStringLiteral("sale_id")}}) {
        auto rows = rowsOf(db, table, where, saleId);
        if (!rows)
            return rows.error();
        tables << *rows;
    }
    QList<QSqlQuery> inserts;
    for (const TableRows& rows : tables) {
        QSqlQuery insert(db);
        QStringList marks;
        for (qsizetype c = 0; c < rows.columns.size(); ++c)
            marks << QStringLiteral("?");
        if (!insert.prepare(
                QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                    .arg(rows.table, rows.columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")))))
            return Error{Error::Code::Storage, insert.lastError().text()};
        inserts << insert;
    }
    QSqlQuery sequence(db);
    if (!sequence.prepare(QStringLiteral("INSERT INTO till_counters (name, value) VALUES ('outbox.sequence', 1)"
                                         " ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value")))
        return Error{Error::Code::Storage, sequence.lastError().text()};
    SampleSet samples;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer timer;
        timer.start();
        Transaction transaction(db);
        if (auto begun = transaction.begin(); !begun)
            return begun.error();
        qint64 newSale = 0;
        for (qsizetype t = 0; t < tables.size(); ++t) {
            const TableRows& rows = tables[t];
            for (const QVariantList& row : rows.rows) {
                for (qsizetype c = 0; c < rows.columns.size(); ++c) {
                    const QString& column = rows.columns[c];
                    QVariant value = row[c];
                    if (column == QLatin1String("uuid"))
                        value = QUuid::createUuid().toString(QUuid::WithoutBraces);
                    else if (column == QLatin1String("sale_id"))
                        value = newSale;
                    else if (column == QLatin1String("sequence")) {
                        if (!sequence.exec() || !sequence.next())
                            return Error{Error::Code::Storage, sequence.lastError().text()};
                        value = sequence.value(0);
                        sequence.finish();
                    }
                    inserts[t].bindValue(int(c), value);
                }
                if (!inserts[t].exec())
                    return Error{Error::Code::Storage, inserts[t].lastError().text()};
                if (t == 0)
                    newSale = inserts[t].lastInsertId().toLongLong();
            }
        }
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        samples.add(double(timer.nsecsElapsed()) / 1e6);
    }
    return samples;
}

}  // namespace

QString CommitFigure::name() const
{
    return QStringLiteral("sale_commit");
}

QList<FigureResult> CommitFigure::run(BenchData& data)
{
    const QString title = QStringLiteral("durable sale commit (sale, lines, ledger, outbox), WAL + synchronous=FULL");
    const QString fsyncTitle = QStringLiteral("fsync of 4 KiB appended, same file system (reference)");
    const auto path = data.copyOfTill(QStringLiteral("commit"));
    if (!path)
        return {FigureResult::failed(name(), title, path.error().message)};
    auto till = TillOnDisk::open(*path);
    if (!till)
        return {FigureResult::failed(name(), title, till.error().message)};
    const QSqlDatabase db = (*till)->database().connection();
    QSqlQuery pragma(db);
    if (!pragma.exec(QStringLiteral("PRAGMA synchronous")) || !pragma.next() || pragma.value(0).toInt() != 2)
        return {FigureResult::failed(name(), title, QStringLiteral("the till's connection is not synchronous=FULL"))};
    const auto products = ProductRepository(db).list(1000);
    if (!products || products->isEmpty())
        return {FigureResult::failed(name(), title, QStringLiteral("no products"))};

    SaleSession session((*till)->database(), (*till)->clock(), (*till)->settings());
    std::mt19937_64 random(8003);
    const int count = data.options().tiny ? 30 : 500;
    const int warmUp = 10;
    SampleSet samples;
    for (int i = 0; i < warmUp + count; ++i) {
        const qint64 member = 1 + qint64(random() % quint64(data.options().historyMembers()));
        if (session.scan(BenchData::cardOf(member), 1, CardSource::KeyboardWedge).kind !=
            ScanOutcome::Kind::MemberAttached)
            return {FigureResult::failed(name(), title, QStringLiteral("member %1 not attached").arg(member))};
        for (int line = 0; line < 3; ++line) {
            const QString& ean = products->at(qsizetype(random() % quint64(products->size()))).ean;
            if (session.scan(ean, 1 + line).kind != ScanOutcome::Kind::ProductAdded)
                return {FigureResult::failed(name(), title, QStringLiteral("product %1 refused").arg(ean))};
        }
        QElapsedTimer timer;
        timer.start();
        const auto completed = session.complete();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!completed)
            return {FigureResult::failed(name(), title, completed.error().message)};
        if (i >= warmUp)
            samples.add(ms);
    }
    // The probe right after, on the same file system, so both see the same disk and the same neighbours.
    const SampleSet fsync = FsyncProbe::measure(QFileInfo(*path).absolutePath(), count);
    if (fsync.isEmpty())
        return {FigureResult::failed(name(), title, QStringLiteral("the fsync probe could not write"))};
    FigureResult probe = FigureResult::of(QStringLiteral("fsync_4k"), fsyncTitle, QStringLiteral("ms"), fsync);
    probe.target = QStringLiteral("(reference for the commit)");
    probe.met = true;
    probe.how = QStringLiteral("write(2) of 4 KiB appended to a file in %1, then fsync(2); %2 times right after the "
                               "commits")
                    .arg(QFileInfo(*path).absolutePath())
                    .arg(fsync.size());

    FigureResult result = FigureResult::of(name(), title, QStringLiteral("ms"), samples);
    result.target = QStringLiteral("median <= 2 x fsync median (%1 ms)").arg(2 * fsync.median(), 0, 'f', 2);
    result.met = result.median <= 2 * fsync.median();
    result.how = QStringLiteral("SaleSession::complete() (SaleService: BEGIN IMMEDIATE, evaluation, sale, 3 lines, "
                                "effects, ledger, outbox event, COMMIT) on a copy of the database, WAL + "
                                "synchronous=FULL read back; a history member and 3 random products per sale, "
                                "only complete() timed; %1 sales after %2 warm-up; ratio median/fsync median = %3")
                     .arg(count)
                     .arg(warmUp)
                     .arg(result.median / fsync.median(), 0, 'f', 2);
    result.comparison = batchingComparison(db, data.options().tiny ? 50 : 300);

    const QString floorTitle = QStringLiteral("the same sale's rows alone, prepared, BEGIN IMMEDIATE ... COMMIT "
                                              "(floor of the commit)");
    const auto floorSamples = commitFloor(db, count);
    if (!floorSamples)
        return {result, probe,
                FigureResult::failed(QStringLiteral("sale_commit_floor"), floorTitle, floorSamples.error().message)};
    // Its own fsync reference right after, so the floor reads as a ratio of the same minutes.
    const SampleSet floorFsync = FsyncProbe::measure(QFileInfo(*path).absolutePath(), count);
    FigureResult floor =
        FigureResult::of(QStringLiteral("sale_commit_floor"), floorTitle, QStringLiteral("ms"), *floorSamples);
    floor.target = QStringLiteral("(reference for the commit)");
    floor.met = true;
    floor.how = QStringLiteral("the rows of the last measured sale (sale, lines, effects, effect lines, ledger "
                               "entries, outbox event and its sequence) inserted again %1 times with new keys "
                               "through statements prepared once, each time in one BEGIN IMMEDIATE ... COMMIT, "
                               "WAL + synchronous=FULL, no reads, no evaluation, no JSON; ratio median/fsync "
                               "median = %2 (fsync median %3 ms measured right after)")
                    .arg(count)
                    .arg(floorFsync.isEmpty() ? 0.0 : floor.median / floorFsync.median(), 0, 'f', 2)
                    .arg(floorFsync.isEmpty() ? 0.0 : floorFsync.median(), 0, 'f', 3);
    return {result, probe, floor};
}

}  // namespace loyalty::bench
