// Group commit at head office: pushes and nonces of several requests in one transaction, each in its
// own savepoint, all durable only with its commit — and the HTTP server answering tills pushing at
// the same time from a worker thread, every event applied exactly once.
#include "HeadOffice.h"
#include "HqServerTestClient.h"
#include "HqTestSupport.h"
#include "http/HqServer.h"
#include "store/HqDatabase.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/FixedClock.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

using namespace loyalty;
using namespace loyalty::test;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-12-01T09:00:00Z"), Qt::ISODate);

QJsonObject enrolment(const QString& tillId, qint64 sequence)
{
    return hq::test::makeEvent(hq::test::newId(), tillId, sequence, QStringLiteral("member.enrolled"),
                               {{QStringLiteral("member_uuid"), hq::test::newId()},
                                {QStringLiteral("name"), QStringLiteral("Erika Mustermann")},
                                {QStringLiteral("enrolled_at"), QStringLiteral("2026-12-01T08:59:00.000Z")},
                                {QStringLiteral("ledger"), QJsonArray{}}});
}

QByteArray batch(const QJsonArray& events)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("events"), events}}).toJson(QJsonDocument::Compact);
}

}  // namespace

class TestHqGroupCommit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void groupKeepsEachCallApart();
    void rolledBackGroupStoresNothing();
    void workersAnswerTillsPushingAtOnce();

private:
    qint64 eventCount() { return hq::test::scalar(*m_database, QStringLiteral("SELECT count(*) FROM events")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<hq::HqDatabase> m_database;
    std::unique_ptr<hq::HeadOffice> m_office;
};

void TestHqGroupCommit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(kNow);
    QString databaseText;
    LOYALTY_OPEN_TEST_HQ(*m_dir, databaseText, m_database);
    m_office = std::make_unique<hq::HeadOffice>(*m_database, *m_clock);
}

void TestHqGroupCommit::cleanup()
{
    m_office.reset();
    m_database.reset();
}

void TestHqGroupCommit::groupKeepsEachCallApart()
{
    const QString first = hq::test::provisionTill(*m_office, QStringLiteral("Till 1"));
    const QString second = hq::test::provisionTill(*m_office, QStringLiteral("Till 2"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QJsonObject a = enrolment(first, 1);
    const QJsonObject b = enrolment(first, 2);

    QVERIFY(m_office->beginGroup().ok());
    const auto pushed = m_office->push(first, {a, b});
    QVERIFY(pushed.ok());
    QCOMPARE(hq::test::statuses(*pushed), QStringList({sync::kAccepted, sync::kAccepted}));
    // A later request of the same group sees the earlier one's events: a duplicate, not a second copy.
    const auto again = m_office->push(first, {a});
    QVERIFY(again.ok());
    QCOMPARE(hq::test::statuses(*again), QStringList{sync::kDuplicate});
    // Another till's rejected event leaves the first till's events alone.
    const auto foreign = m_office->push(second, {enrolment(first, 3)});
    QVERIFY(foreign.ok());
    QCOMPARE(hq::test::statuses(*foreign), QStringList{QStringLiteral("rejected:wrong_till")});
    const auto nonce = m_office->rememberNonce(second, QByteArrayLiteral("nonce-1"), kNow.toSecsSinceEpoch());
    QVERIFY(nonce.ok() && *nonce);
    const auto replayed = m_office->rememberNonce(second, QByteArrayLiteral("nonce-1"), kNow.toSecsSinceEpoch());
    QVERIFY(replayed.ok() && !*replayed);
    QVERIFY(m_office->commitGroup().ok());

    QCOMPARE(eventCount(), 2);
    // After the group, calls have their own transactions again.
    const auto after = m_office->push(first, {b});
    QVERIFY(after.ok());
    QCOMPARE(hq::test::statuses(*after), QStringList{sync::kDuplicate});
    const auto stillReplayed = m_office->rememberNonce(second, QByteArrayLiteral("nonce-1"), kNow.toSecsSinceEpoch());
    QVERIFY(stillReplayed.ok() && !*stillReplayed);
}

void TestHqGroupCommit::rolledBackGroupStoresNothing()
{
    const QString till = hq::test::provisionTill(*m_office, QStringLiteral("Till 1"));
    QVERIFY(!till.isEmpty());
    const QJsonObject event = enrolment(till, 1);
    QVERIFY(m_office->beginGroup().ok());
    QVERIFY(m_office->push(till, {event}).ok());
    QVERIFY(m_office->rememberNonce(till, QByteArrayLiteral("nonce-2"), kNow.toSecsSinceEpoch()).ok());
    m_office->rollbackGroup();

    // Nothing of the group was answered, nothing of it is stored: the till's retry is applied anew.
    QCOMPARE(eventCount(), 0);
    const auto retried = m_office->push(till, {event});
    QVERIFY(retried.ok());
    QCOMPARE(hq::test::statuses(*retried), QStringList{sync::kAccepted});
    const auto nonce = m_office->rememberNonce(till, QByteArrayLiteral("nonce-2"), kNow.toSecsSinceEpoch());
    QVERIFY(nonce.ok() && *nonce);
}

void TestHqGroupCommit::workersAnswerTillsPushingAtOnce()
{
    constexpr int kTills = 4;
    constexpr int kBatches = 6;
    constexpr int kEvents = 5;
    std::vector<Signer> tills;
    for (int i = 0; i < kTills; ++i) {
        const auto code = m_office->addTerminal(QStringLiteral("Till %1").arg(i + 1));
        QVERIFY(code.ok());
        const auto till = m_office->provision(code->code, QStringLiteral("Till %1").arg(i + 1));
        QVERIFY(till.ok());
        tills.push_back({till->tillId, till->secret, kNow.toSecsSinceEpoch(), {}});
    }

    hq::HqServer server(*m_office, *m_clock);
    const hq::HqDatabaseUrl url = m_database->url();
    const Clock& clock = *m_clock;
    const auto started = server.useWorkers(
        [url, &clock]() -> Result<std::unique_ptr<hq::HeadOfficeApi>> {
            auto opened = hq::HeadOffice::open(url, clock);
            if (!opened)
                return opened.error();
            return std::unique_ptr<hq::HeadOfficeApi>(std::move(opened.value()));
        },
        1);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().message));
    const auto port = server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port.ok());
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(*port);

    // Each till sends its batches one after the other, every batch twice (a retry after a lost
    // answer), while the others do the same: the single writer groups whatever waits.
    std::atomic<int> finished{0};
    std::vector<QStringList> problems(kTills);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kTills; ++t) {
        threads.push_back(std::unique_ptr<QThread>(QThread::create([&, t] {
            HqServerTestClient client(base);
            for (int b = 0; b < kBatches; ++b) {
                QJsonArray events;
                for (int e = 0; e < kEvents; ++e)
                    events.append(enrolment(tills[t].tillId, b * kEvents + e + 1));
                for (const QString& expected : {QString(sync::kAccepted), QString(sync::kDuplicate)}) {
                    const HttpAnswer answer = client.send("POST", sync::kEventsPath, batch(events), tills[t]);
                    const QStringList statuses =
                        hq::test::statuses(answer.body.value(QStringLiteral("results")).toArray());
                    if (answer.status != 200 || statuses != QStringList(kEvents, expected))
                        problems[t].append(QStringLiteral("%1 %2").arg(answer.status).arg(statuses.join(u',')));
                }
            }
            ++finished;
        })));
        threads.back()->start();
    }
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (finished.load() == kTills)
            loop.quit();
    });
    poll.start(10);
    loop.exec();
    for (auto& thread : threads)
        thread->wait();
    server.shutDown();

    for (int t = 0; t < kTills; ++t)
        QVERIFY2(problems[t].isEmpty(), qPrintable(problems[t].join(u'\n')));
    QCOMPARE(eventCount(), qint64(kTills * kBatches * kEvents));
    QCOMPARE(hq::test::scalar(*m_database, QStringLiteral("SELECT count(*) FROM members")),
             qint64(kTills * kBatches * kEvents));
    QCOMPARE(hq::test::scalar(*m_database, QStringLiteral("SELECT count(*) FROM nonces")),
             qint64(kTills * kBatches * 2));
}

QTEST_GUILESS_MAIN(TestHqGroupCommit)
#include "TestHqGroupCommit.moc"
