// OutboxQueue on a real till database: pending events in sequence order and in batches bounded by
// count and bytes, the state transitions pending → acknowledged / rejected (never back), attempts
// and last_error for failures, and counts by state.
#include "SyncTestDatabase.h"
#include "sync/client/OutboxQueue.h"

#include <QTemporaryDir>
#include <QTest>

using loyalty::sync::OutboxQueue;
using Outcome = OutboxQueue::Delivery::Outcome;

class TestOutboxQueue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pendingInSequenceOrderAndBatches();
    void batchesStopAtTheByteLimitButNeverEmpty();
    void acknowledgedAndRejectedLeaveThePendingQueue();
    void failuresCountAttemptsAndKeepTheEventPending();
    void settledEventsNeverChangeAgain();
    void rejectedListsReasons();

private:
    QTemporaryDir m_dir;
    loyalty::FixedClock m_clock{QDateTime::fromString(QStringLiteral("2026-12-01T09:00:00Z"), Qt::ISODate)};
    std::unique_ptr<loyalty::Database> m_database;
};

void TestOutboxQueue::init()
{
    QVERIFY(m_dir.isValid());
    m_database = sync_test::openDatabase(
        m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction()))), m_clock);
    QVERIFY(m_database);
}

void TestOutboxQueue::cleanup()
{
    m_database.reset();
}

void TestOutboxQueue::pendingInSequenceOrderAndBatches()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 7);
    QCOMPARE(uuids.size(), 7);
    OutboxQueue queue(m_database->connection());
    const auto batch = queue.pending(5, 1 << 20);
    QVERIFY(batch);
    QCOMPARE(batch->size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(batch->at(i).uuid, uuids.at(i));
    for (int i = 1; i < 5; ++i)
        QVERIFY(batch->at(i).sequence > batch->at(i - 1).sequence);
    QCOMPARE(batch->first().type, QStringLiteral("test.event"));
    QCOMPARE(batch->first().tillId, sync_test::kTillId);
    const auto counts = queue.counts();
    QVERIFY(counts);
    QCOMPARE(counts->pending, 7);
    QCOMPARE(counts->acknowledged, 0);
    QCOMPARE(counts->rejected, 0);
}

void TestOutboxQueue::batchesStopAtTheByteLimitButNeverEmpty()
{
    QCOMPARE(sync_test::appendEvents(*m_database, 4).size(), 4);
    OutboxQueue queue(m_database->connection());
    const auto one = queue.pending(500, 1);
    QVERIFY(one);
    QCOMPARE(one->size(), 1);  // larger than the limit on its own, still offered
    const qint64 payload = one->first().payload.size();
    const auto two = queue.pending(500, 2 * payload);
    QVERIFY(two);
    QCOMPARE(two->size(), 2);
}

void TestOutboxQueue::acknowledgedAndRejectedLeaveThePendingQueue()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 4);
    OutboxQueue queue(m_database->connection());
    QVERIFY(queue.record({{uuids[0], Outcome::Acknowledged, {}, {}},
                          {uuids[1], Outcome::Rejected, QStringLiteral("unknown_member"), QStringLiteral("Who?")},
                          {uuids[2], Outcome::Acknowledged, {}, {}}},
                         m_clock.nowIso()));
    const auto counts = queue.counts();
    QVERIFY(counts);
    QCOMPARE(counts->pending, 1);
    QCOMPARE(counts->acknowledged, 2);
    QCOMPARE(counts->rejected, 1);
    const auto pending = queue.pending(500, 1 << 20);
    QVERIFY(pending);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().uuid, uuids[3]);
    QCOMPARE(
        sync_test::scalar(*m_database,
                          QStringLiteral("SELECT acknowledged_at FROM outbox_events WHERE uuid = '%1'").arg(uuids[0]))
            .toString(),
        m_clock.nowIso());
}

void TestOutboxQueue::failuresCountAttemptsAndKeepTheEventPending()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 1);
    OutboxQueue queue(m_database->connection());
    QVERIFY(queue.record({{uuids[0], Outcome::Failed, {}, QStringLiteral("503 unavailable")}}, m_clock.nowIso()));
    QVERIFY(queue.record({{uuids[0], Outcome::Failed, {}, QStringLiteral("timeout")}}, m_clock.nowIso()));
    const QString where = QStringLiteral(" FROM outbox_events WHERE uuid = '%1'").arg(uuids[0]);
    QCOMPARE(sync_test::scalar(*m_database, QStringLiteral("SELECT attempts") + where).toInt(), 2);
    QCOMPARE(sync_test::scalar(*m_database, QStringLiteral("SELECT last_error") + where).toString(),
             QStringLiteral("timeout"));
    QCOMPARE(sync_test::scalar(*m_database, QStringLiteral("SELECT state") + where).toString(),
             QStringLiteral("pending"));
    QVERIFY(queue.record({{uuids[0], Outcome::Acknowledged, {}, {}}}, m_clock.nowIso()));
    QCOMPARE(sync_test::scalar(*m_database, QStringLiteral("SELECT attempts") + where).toInt(), 3);
    QVERIFY(sync_test::scalar(*m_database, QStringLiteral("SELECT last_error") + where).isNull());
}

void TestOutboxQueue::settledEventsNeverChangeAgain()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 2);
    OutboxQueue queue(m_database->connection());
    QVERIFY(queue.record(
        {{uuids[0], Outcome::Acknowledged, {}, {}}, {uuids[1], Outcome::Rejected, QStringLiteral("card_taken"), {}}},
        m_clock.nowIso()));
    // A late or repeated answer must not move a settled event: acknowledged stays acknowledged.
    QVERIFY(queue.record(
        {{uuids[0], Outcome::Rejected, QStringLiteral("unknown_type"), {}}, {uuids[1], Outcome::Acknowledged, {}, {}}},
        m_clock.nowIso()));
    const auto counts = queue.counts();
    QVERIFY(counts);
    QCOMPARE(counts->acknowledged, 1);
    QCOMPARE(counts->rejected, 1);
    QCOMPARE(sync_test::scalar(*m_database,
                               QStringLiteral("SELECT state FROM outbox_events WHERE uuid = '%1'").arg(uuids[0]))
                 .toString(),
             QStringLiteral("acknowledged"));
}

void TestOutboxQueue::rejectedListsReasons()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 3, QStringLiteral("sale.completed"));
    OutboxQueue queue(m_database->connection());
    QVERIFY(queue.record(
        {{uuids[2], Outcome::Rejected, QStringLiteral("unknown_member"), QStringLiteral("No such member.")},
         {uuids[0], Outcome::Rejected, QStringLiteral("too_large"), {}}},
        m_clock.nowIso()));
    const auto rejected = queue.rejected();
    QVERIFY(rejected);
    QCOMPARE(rejected->size(), 2);
    QCOMPARE(rejected->at(0).uuid, uuids[0]);
    QCOMPARE(rejected->at(0).reason, QStringLiteral("too_large"));
    QCOMPARE(rejected->at(1).uuid, uuids[2]);
    QCOMPARE(rejected->at(1).reason, QStringLiteral("unknown_member"));
    QCOMPARE(rejected->at(1).message, QStringLiteral("No such member."));
    QCOMPARE(rejected->at(1).type, QStringLiteral("sale.completed"));
    QVERIFY(rejected->at(1).sequence > rejected->at(0).sequence);
}

QTEST_GUILESS_MAIN(TestOutboxQueue)
#include "TestOutboxQueue.moc"
