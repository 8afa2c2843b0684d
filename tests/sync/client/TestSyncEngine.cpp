// SyncEngine rounds against a scripted head office on a real loopback socket: batching, per-event
// results, the contract's reactions to 413, 400, clock_skew, 401 and 503, the stored cursor, and
// that a round that cannot finish leaves every event pending with its attempt recorded.
#include "ScriptedHttpServer.h"
#include "SyncTestDatabase.h"
#include "core/CoreTestSupport.h"
#include "settings/SettingsRepository.h"
#include "sync/SyncSettingKeys.h"
#include "sync/client/OutboxQueue.h"
#include "sync/client/SyncClient.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/SyncProtocol.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using loyalty::SettingsRepository;
using loyalty::sync::OutboxQueue;
using loyalty::sync::SyncClient;
using loyalty::sync::SyncEndpoint;
using loyalty::sync::SyncEngine;
using loyalty::sync::SyncReply;
using Response = ScriptedHttpServer::Response;
using Request = ScriptedHttpServer::Request;

namespace {

const QString kServerTime = QStringLiteral("2026-12-01T09:00:00Z");

bool isPush(const Request& request)
{
    return request.method == "POST" && request.target == "/v1/events";
}

QJsonArray eventsOf(const Request& request)
{
    return request.json().value(QLatin1String("events")).toArray();
}

// Accepts every event of a push.
Response acceptAll(const Request& request)
{
    QJsonArray results;
    for (const QJsonValue& event : eventsOf(request))
        results.append(QJsonObject{{QStringLiteral("id"), event[QLatin1String("id")]},
                                   {QStringLiteral("status"), QStringLiteral("accepted")}});
    return {200, {{QStringLiteral("results"), results}, {QStringLiteral("server_time"), kServerTime}}, {}};
}

// The feed: an empty page that ends it, with cursor "end".
Response lastPage()
{
    return {200,
            {{QStringLiteral("changes"), QJsonArray()},
             {QStringLiteral("cursor"), QStringLiteral("end")},
             {QStringLiteral("more"), false},
             {QStringLiteral("remaining"), 0},
             {QStringLiteral("server_time"), kServerTime}},
            {}};
}

Response error(int status, const QString& code, const QString& serverTime = kServerTime)
{
    return {status,
            {{QStringLiteral("error"), code},
             {QStringLiteral("message"), code},
             {QStringLiteral("server_time"), serverTime}},
            {}};
}

}  // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pushesInBatchesThenPullsUntilDone();
    void duplicatesAndRejectionsAreSettled();
    void tooLargeHalvesTheBatch();
    void malformedBatchIsRetriedOneByOne();
    void clockSkewIsCorrectedOnce();
    void replayedIsAskedAgainWithANewNonce();
    void refusalStopsTheRoundAndKeepsEvents();
    void unavailableHonoursRetryAfterAndChangesNothing();
    void pullResumesFromTheStoredCursor();
    void answerWithoutResultsDoesNotLoop();
    void batchedPagesAreKeptWhenTheRoundStops_data();
    void batchedPagesAreKeptWhenTheRoundStops();

private:
    SyncEndpoint endpointFor(const ScriptedHttpServer& server) const;
    loyalty::Result<loyalty::sync::SyncRoundReport> round(ScriptedHttpServer& server, int pushBatch = 500);
    QString setting(const QString& key) const;

    QTemporaryDir m_dir;
    loyalty::FixedClock m_clock{QDateTime::fromString(kServerTime, Qt::ISODate)};
    std::unique_ptr<loyalty::Database> m_database;
    QList<QJsonArray> m_appliedPages;
    QList<qint64> m_settled;  // the push progress reported after each batch
};

void TestSyncEngine::init()
{
    QVERIFY(m_dir.isValid());
    m_database = sync_test::openDatabase(
        m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction()))), m_clock);
    QVERIFY(m_database);
    m_appliedPages.clear();
    m_settled.clear();
}

void TestSyncEngine::cleanup()
{
    m_database.reset();
}

SyncEndpoint TestSyncEngine::endpointFor(const ScriptedHttpServer& server) const
{
    SyncEndpoint endpoint;
    endpoint.url = QUrl(server.url(), QUrl::StrictMode);
    endpoint.allowPlainLoopback = true;
    endpoint.tillId = sync_test::kTillId;
    endpoint.secret = QByteArray(32, 's');
    return endpoint;
}

loyalty::Result<loyalty::sync::SyncRoundReport> TestSyncEngine::round(ScriptedHttpServer& server, int pushBatch)
{
    SyncClient client(m_clock, endpointFor(server), 10'000);
    const QSqlDatabase db = m_database->connection();
    // Stands in for ChangeApplier: stores the cursor with the page, as the contract requires.
    SyncEngine::PageApplier applier =
        [this, db](const QJsonArray& changes, const QString& cursor,
                   loyalty::sync::ChangeApplier::Commit) -> loyalty::Result<loyalty::sync::AppliedPage> {
        m_appliedPages.append(changes);
        if (auto stored = SettingsRepository(db).setValue(loyalty::sync::kCursorKey, cursor); !stored)
            return stored.error();
        loyalty::sync::AppliedPage page;
        page.cursor = cursor;
        page.changes = int(changes.size());
        return page;
    };
    SyncEngine engine(db, m_clock, client, applier, SyncEngine::Options{pushBatch, 1000, 4 * 1024 * 1024});
    engine.setPushProgress([this](qint64 settled) { m_settled.append(settled); });
    return engine.runRound();
}

QString TestSyncEngine::setting(const QString& key) const
{
    const auto value = SettingsRepository(m_database->connection()).value(key);
    return value && value->has_value() ? **value : QString();
}

void TestSyncEngine::pushesInBatchesThenPullsUntilDone()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 7);
    int pages = 0;
    ScriptedHttpServer server([&pages](const Request& request) {
        if (isPush(request))
            return acceptAll(request);
        if (++pages == 1) {
            return Response{200,
                            {{QStringLiteral("changes"),
                              QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("member")}}}},
                             {QStringLiteral("cursor"), QStringLiteral("page1")},
                             {QStringLiteral("more"), true},
                             {QStringLiteral("remaining"), 5},
                             {QStringLiteral("server_time"), kServerTime}},
                            {}};
        }
        return lastPage();
    });
    QVERIFY(server.start());
    const auto report = round(server, 3);
    QVERIFY(report);
    QVERIFY(report->complete);
    QVERIFY(report->reached);
    QCOMPARE(report->pushed, 7);
    QCOMPARE(report->accepted, 7);
    QCOMPARE(report->pulled, 1);
    const auto& requests = server.requests();
    QCOMPARE(requests.size(), 3 + 2);
    QCOMPARE(eventsOf(requests[0]).size(), 3);
    QCOMPARE(eventsOf(requests[1]).size(), 3);
    QCOMPARE(eventsOf(requests[2]).size(), 1);
    QCOMPARE(m_settled, (QList<qint64>{3, 6, 7}));
    // The envelope as the contract has it, in sequence order.
    const QJsonObject first = eventsOf(requests[0]).first().toObject();
    QCOMPARE(first.value(QLatin1String("id")).toString(), uuids.first());
    QCOMPARE(first.value(QLatin1String("till_id")).toString(), sync_test::kTillId);
    QCOMPARE(first.value(QLatin1String("type")).toString(), QStringLiteral("test.event"));
    QVERIFY(first.value(QLatin1String("payload")).isObject());
    QVERIFY(first.value(QLatin1String("sequence")).toInteger() > 0);
    QCOMPARE(first.value(QLatin1String("created_at")).toString(), QStringLiteral("2026-12-01T09:00:00.000Z"));
    QVERIFY(requests[3].target.startsWith("/v1/changes?cursor=&limit=1000"));
    QVERIFY(requests[4].target.startsWith("/v1/changes?cursor=page1&"));
    QCOMPARE(setting(loyalty::sync::kCursorKey), QStringLiteral("end"));
    QCOMPARE(setting(loyalty::sync::kLastSuccessKey), m_clock.nowIso());
    QCOMPARE(setting(loyalty::sync::kProvisionedKey), QStringLiteral("1"));
    QCOMPARE(OutboxQueue(m_database->connection()).counts()->acknowledged, 7);
}

void TestSyncEngine::duplicatesAndRejectionsAreSettled()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 3);
    ScriptedHttpServer server([](const Request& request) {
        if (!isPush(request))
            return lastPage();
        const QJsonArray events = eventsOf(request);
        QJsonArray results{QJsonObject{{QStringLiteral("id"), events[0][QLatin1String("id")]},
                                       {QStringLiteral("status"), QStringLiteral("duplicate")}},
                           QJsonObject{{QStringLiteral("id"), events[1][QLatin1String("id")]},
                                       {QStringLiteral("status"), QStringLiteral("rejected")},
                                       {QStringLiteral("reason"), QStringLiteral("unknown_member")},
                                       {QStringLiteral("message"), QStringLiteral("No such member.")}},
                           QJsonObject{{QStringLiteral("id"), events[2][QLatin1String("id")]},
                                       {QStringLiteral("status"), QStringLiteral("accepted")}}};
        return Response{200, {{QStringLiteral("results"), results}, {QStringLiteral("server_time"), kServerTime}}, {}};
    });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY(report->complete);
    QCOMPARE(report->pushed, 3);
    QCOMPARE(report->accepted, 1);
    QCOMPARE(report->duplicates, 1);
    QCOMPARE(report->rejected, 1);
    const auto rejected = OutboxQueue(m_database->connection()).rejected();
    QCOMPARE(rejected->size(), 1);
    QCOMPARE(rejected->first().uuid, uuids[1]);
    QCOMPARE(rejected->first().reason, QStringLiteral("unknown_member"));
    QCOMPARE(OutboxQueue(m_database->connection()).counts()->acknowledged, 2);
}

void TestSyncEngine::tooLargeHalvesTheBatch()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 5);
    const QString huge = uuids[3];  // refused even alone
    ScriptedHttpServer server([&huge](const Request& request) {
        if (!isPush(request))
            return lastPage();
        const QJsonArray events = eventsOf(request);
        const bool hasHuge = std::any_of(events.begin(), events.end(), [&huge](const QJsonValue& event) {
            return event[QLatin1String("id")].toString() == huge;
        });
        if (events.size() > 2 || hasHuge)
            return error(413, QStringLiteral("too_large"));
        return acceptAll(request);
    });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY(report->complete);
    QCOMPARE(report->accepted, 4);
    QCOMPARE(report->rejected, 1);
    const auto rejected = OutboxQueue(m_database->connection()).rejected();
    QCOMPARE(rejected->size(), 1);
    QCOMPARE(rejected->first().uuid, huge);
    QCOMPARE(rejected->first().reason, QStringLiteral("too_large"));
    for (const auto& request : server.requests()) {
        if (isPush(request))
            QVERIFY(eventsOf(request).size() == 5 || eventsOf(request).size() <= 3);
    }
}

void TestSyncEngine::malformedBatchIsRetriedOneByOne()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 4);
    const QString bad = uuids[2];
    ScriptedHttpServer server([&bad](const Request& request) {
        if (!isPush(request))
            return lastPage();
        const QJsonArray events = eventsOf(request);
        for (const QJsonValue& event : events) {
            if (event[QLatin1String("id")].toString() == bad)
                return error(400, QStringLiteral("malformed"));
        }
        return acceptAll(request);
    });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY(report->complete);
    QCOMPARE(report->accepted, 3);
    QCOMPARE(report->rejected, 1);
    int pushes = 0;
    for (const auto& request : server.requests())
        pushes += isPush(request) ? 1 : 0;
    QCOMPARE(pushes, 1 + 4);  // the batch, then each event on its own
    const auto rejected = OutboxQueue(m_database->connection()).rejected();
    QCOMPARE(rejected->size(), 1);
    QCOMPARE(rejected->first().uuid, bad);
    QCOMPARE(rejected->first().reason, QStringLiteral("malformed"));
}

void TestSyncEngine::clockSkewIsCorrectedOnce()
{
    sync_test::appendEvents(*m_database, 2);
    // Head office's clock is two hours ahead of this till's.
    const QDateTime hqNow = m_clock.now().addSecs(7200);
    const QString hqTime = hqNow.toString(Qt::ISODate);
    ScriptedHttpServer server([&hqNow, &hqTime](const Request& request) {
        const qint64 timestamp = request.headers.value("x-loyalty-timestamp").toLongLong();
        if (std::abs(timestamp - hqNow.toSecsSinceEpoch()) > 300)
            return error(401, QStringLiteral("clock_skew"), hqTime);
        return isPush(request) ? acceptAll(request) : lastPage();
    });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY2(report->complete, qPrintable(report->message));
    QCOMPARE(report->accepted, 2);
    QCOMPARE(setting(loyalty::sync::kClockOffsetKey), QStringLiteral("7200"));
    QCOMPARE(server.requests().size(), 3);  // skewed push, corrected push, pull
    // The event keeps the till's own time.
    QCOMPARE(eventsOf(server.requests()[1]).first()[QLatin1String("created_at")].toString(),
             QStringLiteral("2026-12-01T09:00:00.000Z"));
}

void TestSyncEngine::replayedIsAskedAgainWithANewNonce()
{
    sync_test::appendEvents(*m_database, 2);
    int pushes = 0;
    ScriptedHttpServer server([&pushes](const Request& request) {
        if (!isPush(request))
            return lastPage();
        // The HTTP stack resent our request after a dropped connection: head office saw the nonce.
        return ++pushes == 1 ? error(401, QStringLiteral("replayed")) : acceptAll(request);
    });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY2(report->complete, qPrintable(report->message));
    QCOMPARE(report->accepted, 2);
    QCOMPARE(pushes, 2);
    QVERIFY(server.requests()[0].headers.value("x-loyalty-nonce") !=
            server.requests()[1].headers.value("x-loyalty-nonce"));
}

void TestSyncEngine::refusalStopsTheRoundAndKeepsEvents()
{
    const QStringList uuids = sync_test::appendEvents(*m_database, 2);
    ScriptedHttpServer server([](const Request&) { return error(401, QStringLiteral("bad_signature")); });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY(!report->complete);
    QVERIFY(report->refused());
    QVERIFY(report->reached);
    QCOMPARE(report->error, QStringLiteral("bad_signature"));
    QCOMPARE(server.requests().size(), 1);  // no pull after a refusal
    QCOMPARE(OutboxQueue(m_database->connection()).counts()->pending, 2);
    QCOMPARE(sync_test::scalar(*m_database, QStringLiteral("SELECT min(attempts) FROM outbox_events")).toInt(), 1);
    QVERIFY(sync_test::scalar(*m_database, QStringLiteral("SELECT last_error FROM outbox_events LIMIT 1"))
                .toString()
                .contains(QStringLiteral("bad_signature")));
    QVERIFY(setting(loyalty::sync::kLastSuccessKey).isEmpty());
}

void TestSyncEngine::unavailableHonoursRetryAfterAndChangesNothing()
{
    sync_test::appendEvents(*m_database, 1);
    QVERIFY(SettingsRepository(m_database->connection()).setValue(loyalty::sync::kCursorKey, QStringLiteral("c7")));
    ScriptedHttpServer server([](const Request& request) {
        if (isPush(request))
            return acceptAll(request);
        Response busy = error(503, QStringLiteral("unavailable"));
        busy.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "7"));
        return busy;
    });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY(!report->complete);
    QCOMPARE(report->failure, std::optional(SyncReply::Outcome::Unavailable));
    QCOMPARE(report->retryAfterMs, std::optional<qint64>(7000));
    QCOMPARE(report->accepted, 1);
    QCOMPARE(setting(loyalty::sync::kCursorKey), QStringLiteral("c7"));
    QVERIFY(m_appliedPages.isEmpty());
    QVERIFY(setting(loyalty::sync::kLastSuccessKey).isEmpty());
}

void TestSyncEngine::pullResumesFromTheStoredCursor()
{
    QVERIFY(SettingsRepository(m_database->connection()).setValue(loyalty::sync::kCursorKey, QStringLiteral("c/5+")));
    ScriptedHttpServer server([](const Request&) { return lastPage(); });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY(report->complete);
    QCOMPARE(server.requests().size(), 1);
    const QUrlQuery query(QUrl(QString::fromLatin1(server.requests().first().target)).query());
    QCOMPARE(query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded), QStringLiteral("c/5+"));
}

void TestSyncEngine::batchedPagesAreKeptWhenTheRoundStops_data()
{
    QTest::addColumn<bool>("refusedPage");
    QTest::newRow("head office unavailable") << false;
    QTest::newRow("a page the till refuses") << true;
}

// A snapshot commits many pages together (Options::changesPerCommit). A round that stops because
// head office does keeps every page applied, with the cursor of the last; a page the till refuses
// rolls back with the pages waiting before it, and the cursor stays where it was committed.
void TestSyncEngine::batchedPagesAreKeptWhenTheRoundStops()
{
    QFETCH(bool, refusedPage);
    const auto memberPage = [](int from, const QString& cursor) {
        QJsonArray changes;
        for (int n = from; n < from + 3; ++n) {
            changes.append(QJsonObject{
                {QStringLiteral("kind"), QStringLiteral("member")},
                {QStringLiteral("data"), QJsonObject{{QStringLiteral("uuid"), loyalty::sync::memberUuidForNumber(n)},
                                                     {QStringLiteral("name"), QStringLiteral("Member %1").arg(n)},
                                                     {QStringLiteral("enrolled_at"), kServerTime}}}});
        }
        return Response{200,
                        {{QStringLiteral("changes"), changes},
                         {QStringLiteral("cursor"), cursor},
                         {QStringLiteral("more"), true},
                         {QStringLiteral("remaining"), 9},
                         {QStringLiteral("server_time"), kServerTime}},
                        {}};
    };
    int pages = 0;
    ScriptedHttpServer server([&](const Request&) {
        ++pages;
        if (pages <= 2)
            return memberPage(pages * 10, QStringLiteral("page%1").arg(pages));
        if (!refusedPage)
            return error(503, QStringLiteral("unavailable"));
        Response refused = memberPage(30, QStringLiteral("page3"));
        QJsonArray changes = refused.body.value(QStringLiteral("changes")).toArray();
        changes.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("card")},
                                   {QStringLiteral("data"),
                                    QJsonObject{{QStringLiteral("number"), QStringLiteral("2000000000015")},
                                                {QStringLiteral("member_uuid"), loyalty::sync::memberUuidForNumber(99)},
                                                {QStringLiteral("state"), QStringLiteral("active")},
                                                {QStringLiteral("issued_at"), kServerTime}}}});
        refused.body.insert(QStringLiteral("changes"), changes);
        return refused;
    });
    QVERIFY(server.start());
    SyncClient client(m_clock, endpointFor(server), 10'000);
    const QSqlDatabase db = m_database->connection();
    SyncEngine engine(db, m_clock, client, SyncEngine::changeApplier(db, m_clock),
                      SyncEngine::Options{500, 1000, 4 * 1024 * 1024, 1'000'000});
    const auto report = engine.pullAll();
    QVERIFY(report);
    QVERIFY(!report->complete);
    QCOMPARE(pages, 3);
    // Committed: another connection sees both pages and their cursor.
    loyalty::test::RawConnection raw(m_database->path());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM members")).toInt(), 6);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM settings WHERE key = '%1'").arg(loyalty::sync::kCursorKey))
                 .toString(),
             QStringLiteral("page2"));
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH 'member'")).toInt(), 6);
}

void TestSyncEngine::answerWithoutResultsDoesNotLoop()
{
    sync_test::appendEvents(*m_database, 2);
    ScriptedHttpServer server([](const Request&) {
        return Response{
            200, {{QStringLiteral("results"), QJsonArray()}, {QStringLiteral("server_time"), kServerTime}}, {}};
    });
    QVERIFY(server.start());
    const auto report = round(server);
    QVERIFY(report);
    QVERIFY(!report->complete);
    QCOMPARE(report->error, QStringLiteral("bad_response"));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(OutboxQueue(m_database->connection()).counts()->pending, 2);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
