// A new till from head office's snapshot file: the download checked (length, SHA-256, quick_check,
// schema) and removed when it is not whole, the adoption equal to a till provisioned row by row
// through ChangeApplier (counts, sums, a name search, a card lookup, FTS5's own integrity check), a
// till with members refused, and Provisioner falling back to the paged feed when head office has no
// snapshot. The snapshot is made here the way head office makes it: the till's schema code and
// ChangeApplier fed with pages, journal_mode=DELETE.
#include "ScriptedHttpServer.h"
#include "SyncTestDatabase.h"
#include "members/MemberRepository.h"
#include "profile/MemberSearch.h"
#include "settings/SettingsRepository.h"
#include "sync/SyncSettingKeys.h"
#include "sync/apply/ChangeApplier.h"
#include "sync/client/Provisioner.h"
#include "sync/client/SnapshotAdoption.h"
#include "sync/client/SnapshotDownload.h"
#include "sync/client/SyncClient.h"
#include "sync/client/SyncEngine.h"
#include "sync/protocol/SyncProtocol.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace loyalty;
using namespace loyalty::sync;

namespace {

const QString kServerTime = QStringLiteral("2026-12-01T09:00:00Z");
const QString kOtherTill = QStringLiteral("5b0c0000-0000-4000-8000-00000000000b");
const QString kHqTillId = QStringLiteral("7d1e0c2a-1111-4000-8000-00000000000a");
const QByteArray kSecret(32, 'x');
constexpr int kMembers = 300;  // above ChangeApplier's threshold for the deferred search index

using Answer = ScriptedHttpServer::Response;
using ServedRequest = ScriptedHttpServer::Request;

Answer json(int status, const QJsonObject& body)
{
    return {status, body, {}};
}

Answer snapshotAnswer(const QByteArray& file, const QString& cursor, int schema)
{
    Answer answer;
    answer.raw = file;
    answer.contentType = "application/vnd.sqlite3";
    answer.headers = {{"X-Snapshot-Cursor", cursor.toUtf8()},
                      {"X-Snapshot-Schema", QByteArray::number(schema)},
                      {"X-Snapshot-Sha256", QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex()}};
    return answer;
}

QJsonObject change(const QString& kind, const QJsonObject& data)
{
    return QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("data"), data}};
}

QString cardNumber(int n)
{
    QString digits = QStringLiteral("200%1").arg(n, 9, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (digits.at(i).digitValue()) * (i % 2 == 0 ? 1 : 3);
    return digits + QString::number((10 - sum % 10) % 10);
}

// Head office's feed for kMembers members: a card and two ledger entries each, a product, a sale
// and a coupon of another till.
QJsonArray feed()
{
    QJsonArray changes;
    for (int n = 1; n <= kMembers; ++n) {
        const QString uuid = memberUuidForNumber(n);
        changes.append(change(kMemberChange, {{QStringLiteral("uuid"), uuid},
                                              {QStringLiteral("name"), QStringLiteral("Member %1").arg(n)},
                                              {QStringLiteral("email"), QStringLiteral("m%1@example.org").arg(n)},
                                              {QStringLiteral("phone"), QJsonValue()},
                                              {QStringLiteral("birth_date"), QJsonValue()},
                                              {QStringLiteral("enrolled_at"), QStringLiteral("2026-11-30T08:00:00Z")},
                                              {QStringLiteral("referred_by_uuid"), QJsonValue()}}));
        changes.append(
            change(kCardChange, {{QStringLiteral("number"), cardNumber(n)},
                                 {QStringLiteral("member_uuid"), uuid},
                                 {QStringLiteral("state"), QStringLiteral("active")},
                                 {QStringLiteral("kind"), QStringLiteral("number")},
                                 {QStringLiteral("replaced_by"), QJsonValue()},
                                 {QStringLiteral("issued_at"), QStringLiteral("2026-11-30T08:00:00.000Z")}}));
        for (int e = 0; e < 2; ++e) {
            changes.append(
                change(kLedgerChange, {{QStringLiteral("key"), QStringLiteral("earn/%1/%2").arg(n).arg(e)},
                                       {QStringLiteral("member_uuid"), uuid},
                                       {QStringLiteral("account"), QStringLiteral("points")},
                                       {QStringLiteral("kind"), QStringLiteral("earn")},
                                       {QStringLiteral("points"), n + e},
                                       {QStringLiteral("reason"), QStringLiteral("earn.base")},
                                       {QStringLiteral("explanation"), QStringLiteral("+%1 points").arg(n + e)},
                                       {QStringLiteral("expires_on"), QStringLiteral("2028-12-31")},
                                       {QStringLiteral("created_at"), QStringLiteral("2026-11-30T09:14:03Z")},
                                       {QStringLiteral("till_id"), kOtherTill}}));
        }
    }
    changes.append(change(kProductChange, {{QStringLiteral("ean"), QStringLiteral("4006381333931")},
                                           {QStringLiteral("name"), QStringLiteral("Rye bread")},
                                           {QStringLiteral("price_minor"), 349},
                                           {QStringLiteral("currency"), QStringLiteral("EUR")},
                                           {QStringLiteral("category"), QStringLiteral("Bakery")},
                                           {QStringLiteral("earns_points"), true},
                                           {QStringLiteral("discountable"), false}}));
    changes.append(
        change(kSaleChange, {{QStringLiteral("uuid"), QStringLiteral("9a000000-0000-4000-8000-000000000001")},
                             {QStringLiteral("member_uuid"), memberUuidForNumber(1)},
                             {QStringLiteral("till_id"), kOtherTill},
                             {QStringLiteral("completed_at"), QStringLiteral("2026-11-30T09:14:03.120Z")},
                             {QStringLiteral("eligible_minor"), 2450},
                             {QStringLiteral("refunded_eligible_minor"), 0}}));
    changes.append(change(kCouponChange, {{QStringLiteral("code"), QStringLiteral("WELCOME-1")},
                                          {QStringLiteral("member_uuid"), memberUuidForNumber(2)},
                                          {QStringLiteral("used_at"), QStringLiteral("2026-11-30T09:14:03Z")},
                                          {QStringLiteral("till_id"), kOtherTill}}));
    return changes;
}

QString rows(Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql))
        return query.lastError().text();
    QStringList out;
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row << query.value(i).toString();
        out << row.join(u'|');
    }
    return out.join(u'\n');
}

}  // namespace

class TestSnapshotAdoption final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void adoptedTillEqualsRowByRowTill();
    void tillWithMembersIsRefused();
    void downloadIsVerifiedAndRemovedWhenNotWhole_data();
    void downloadIsVerifiedAndRemovedWhenNotWhole();
    void provisioningUsesTheSnapshotThenTheFeed();
    void provisioningFallsBackWithoutASnapshot();

private:
    QString makeSnapshot();
    QString tillPath(const QString& name) const { return m_dir.filePath(name + QStringLiteral(".db")); }
    int schemaVersion(Database& database)
    {
        return sync_test::scalar(database, QStringLiteral("PRAGMA user_version")).toInt();
    }
    Provisioner::Request requestFor(const ScriptedHttpServer& server) const;
    Answer feedAnswer(const QByteArray& target) const;

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime::fromString(kServerTime, Qt::ISODate)};
    QString m_snapshot;
};

void TestSnapshotAdoption::init()
{
    QVERIFY(m_dir.isValid());
    m_snapshot = makeSnapshot();
    QVERIFY(!m_snapshot.isEmpty());
}

void TestSnapshotAdoption::cleanup()
{
    QFile::remove(m_snapshot);
}

QString TestSnapshotAdoption::makeSnapshot()
{
    const QString path =
        m_dir.filePath(QStringLiteral("hq-snapshot-%1.db").arg(QString::fromLatin1(QTest::currentTestFunction())));
    {
        auto database = sync_test::openDatabase(path, m_clock);
        if (!database)
            return {};
        ChangeApplier applier(database->connection(), m_clock);
        if (!applier.apply(feed(), QStringLiteral("c1")))
            return {};
        QSqlQuery journal(database->connection());
        if (!journal.exec(QStringLiteral("PRAGMA journal_mode = DELETE")) || !journal.next() ||
            journal.value(0).toString() != u"delete")
            return {};
    }
    return path;
}

Provisioner::Request TestSnapshotAdoption::requestFor(const ScriptedHttpServer& server) const
{
    Provisioner::Request request;
    request.hq = QUrl(server.url(), QUrl::StrictMode);
    request.code = QStringLiteral("K7QF-3MZP-XW2D");
    request.allowPlainLoopback = true;
    request.tillName = QStringLiteral("Till 2");
    request.timeoutMs = 10'000;
    return request;
}

// Provisioning and the feed: the whole feed from the start (cursor empty) or nothing after c1.
Answer TestSnapshotAdoption::feedAnswer(const QByteArray& target) const
{
    if (target == "/v1/provision") {
        return json(200, {{QStringLiteral("till_id"), kHqTillId},
                          {QStringLiteral("till_name"), QStringLiteral("Till 2")},
                          {QStringLiteral("secret"), QString::fromLatin1(kSecret.toBase64())},
                          {QStringLiteral("hq_public_key"), QString::fromLatin1(QByteArray(32, 'p').toBase64())},
                          {QStringLiteral("server_time"), kServerTime}});
    }
    const bool fromStart = target.contains("cursor=&") || target.endsWith("cursor=");
    const bool afterFirst = target.contains("cursor=c1");
    return json(200, {{QStringLiteral("changes"), fromStart ? feed() : QJsonArray()},
                      {QStringLiteral("cursor"), afterFirst ? QStringLiteral("c2") : QStringLiteral("c1")},
                      {QStringLiteral("more"), false},
                      {QStringLiteral("remaining"), 0},
                      {QStringLiteral("server_time"), kServerTime}});
}

void TestSnapshotAdoption::adoptedTillEqualsRowByRowTill()
{
    auto reference = sync_test::openDatabase(tillPath(QStringLiteral("row-by-row")), m_clock);
    QVERIFY(reference);
    ChangeApplier applier(reference->connection(), m_clock);
    QVERIFY(applier.apply(feed(), QStringLiteral("c1")).ok());

    auto adopted = sync_test::openDatabase(tillPath(QStringLiteral("adopted")), m_clock);
    QVERIFY(adopted);
    const auto result = SnapshotAdoption(adopted->connection(), {true}).adopt(m_snapshot, QStringLiteral("c1"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->members, kMembers);
    QVERIFY(!QFile::exists(m_snapshot));  // adopted: the download is gone

    for (const QString& table : SnapshotAdoption::sharedTables()) {
        const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(table);
        QVERIFY2(sync_test::scalar(*adopted, count) == sync_test::scalar(*reference, count), qPrintable(table));
    }
    for (const QString& sql : {
             QStringLiteral("SELECT id, name, email, uuid FROM members ORDER BY id"),
             QStringLiteral("SELECT number, member_id, state FROM cards ORDER BY number"),
             QStringLiteral("SELECT member_id, account, sum(points) FROM ledger_entries GROUP BY 1, 2 ORDER BY 1, 2"),
             QStringLiteral("SELECT * FROM remote_sales"),
             QStringLiteral("SELECT * FROM coupon_uses"),
             QStringLiteral("SELECT ean, name, price_minor FROM products"),
             QStringLiteral("SELECT value FROM till_counters WHERE name = 'outbox.ledger_claimed'"),
             QStringLiteral("SELECT value FROM settings WHERE key = 'sync.cursor'"),
             QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"),
         }) {
        QCOMPARE(rows(*adopted, sql), rows(*reference, sql));
    }
    QVERIFY(!rows(*adopted, QStringLiteral("SELECT count(*) FROM ledger_entries")).startsWith(u'0'));

    // The till works on it: a search by name prefix and a card lookup, as on the row-by-row till.
    for (Database* database : {reference.get(), adopted.get()}) {
        const auto found = MemberSearch(database->connection()).search(QStringLiteral("Member 29"));
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        QVERIFY(!found->hits.isEmpty());
        QVERIFY(found->hits.first().name.startsWith(QStringLiteral("Member 29")));
        const auto holder = MemberRepository(database->connection()).findByCard(cardNumber(42));
        QVERIFY(holder.ok());
        QVERIFY(holder->has_value());
        QCOMPARE((*holder)->member.name, QStringLiteral("Member 42"));
    }
    // The index takes later members like any other: the trigger was restored.
    QSqlQuery add(adopted->connection());
    QVERIFY(add.exec(QStringLiteral("INSERT INTO members (name, enrolled_at, uuid) VALUES ('Zelda Late',"
                                    " '2026-12-01T09:00:00Z', 'late-uuid')")));
    const auto late = MemberSearch(adopted->connection()).search(QStringLiteral("Zeld"));
    QVERIFY(late.ok());
    QCOMPARE(late->hits.size(), 1);
    QCOMPARE(sync_test::scalar(*adopted, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(rows(*adopted, QStringLiteral("PRAGMA quick_check")), QStringLiteral("ok"));
}

void TestSnapshotAdoption::tillWithMembersIsRefused()
{
    auto till = sync_test::openDatabase(tillPath(QStringLiteral("busy")), m_clock);
    QVERIFY(till);
    QSqlQuery add(till->connection());
    QVERIFY(
        add.exec(QStringLiteral("INSERT INTO members (name, enrolled_at) VALUES ('Local', '2026-12-01T09:00:00Z')")));
    const auto result = SnapshotAdoption(till->connection()).adopt(m_snapshot, QStringLiteral("c1"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().reason, QStringLiteral("till_not_empty"));
    QCOMPARE(sync_test::scalar(*till, QStringLiteral("SELECT count(*) FROM members")).toInt(), 1);
    QVERIFY(QFile::exists(m_snapshot));  // not ours to remove: Provisioner does
}

void TestSnapshotAdoption::downloadIsVerifiedAndRemovedWhenNotWhole_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("reason");
    QTest::newRow("whole") << QString() << QString();
    QTest::newRow("no snapshot") << QStringLiteral("404") << QStringLiteral("no_snapshot");
    QTest::newRow("tampered") << QStringLiteral("tampered") << QStringLiteral("snapshot_invalid");
    QTest::newRow("cut") << QStringLiteral("cut") << QStringLiteral("snapshot_unavailable");
    QTest::newRow("other schema") << QStringLiteral("schema") << QStringLiteral("snapshot_invalid");
    QTest::newRow("not a database") << QStringLiteral("garbage") << QStringLiteral("snapshot_invalid");
}

void TestSnapshotAdoption::downloadIsVerifiedAndRemovedWhenNotWhole()
{
    QFETCH(QString, fault);
    QFETCH(QString, reason);
    QFile source(m_snapshot);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray file = source.readAll();
    source.close();
    auto till = sync_test::openDatabase(tillPath(QStringLiteral("new")), m_clock);
    QVERIFY(till);
    const int schema = schemaVersion(*till);
    ScriptedHttpServer server([&](const ServedRequest& request) {
        if (request.target != "/v1/snapshot")
            return json(400, {{QStringLiteral("error"), QStringLiteral("unexpected")}});
        if (fault == u"404")
            return json(404, {{QStringLiteral("error"), QStringLiteral("no_snapshot")}});
        if (fault == u"garbage")
            file = QByteArray(8192, 'g');
        Answer answer = snapshotAnswer(file, QStringLiteral("c1"), fault == u"schema" ? schema + 1 : schema);
        if (fault == u"tampered")
            answer.raw[answer.raw.size() / 2] = char(answer.raw.at(answer.raw.size() / 2) ^ 0x01);
        if (fault == u"cut") {
            answer.announcedLength = answer.raw.size();
            answer.raw.truncate(answer.raw.size() / 2);
        }
        return answer;
    });
    QVERIFY(server.start());
    SyncEndpoint endpoint;
    endpoint.url = QUrl(server.url());
    endpoint.allowPlainLoopback = true;
    endpoint.tillId = kHqTillId;
    endpoint.secret = kSecret;
    SyncClient client(m_clock, endpoint, 10'000);
    const auto fetched = SnapshotDownload(client, till->path(), schema).fetch();
    const QString part = SnapshotDownload::partPath(till->path());
    if (reason.isEmpty()) {
        QVERIFY2(fetched.ok(), qPrintable(fetched.ok() ? QString() : fetched.error().message));
        QCOMPARE(fetched->path, part);
        QCOMPARE(fetched->cursor, QStringLiteral("c1"));
        QCOMPARE(fetched->bytes, file.size());
        QVERIFY(QFile::exists(part));
    } else {
        QVERIFY(!fetched.ok());
        QCOMPARE(fetched.error().reason, reason);
        QVERIFY(!QFile::exists(part));
    }
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(sync_test::scalar(*till, QStringLiteral("SELECT count(*) FROM members")).toInt(), 0);
}

void TestSnapshotAdoption::provisioningUsesTheSnapshotThenTheFeed()
{
    QFile source(m_snapshot);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray file = source.readAll();
    auto till = sync_test::openDatabase(tillPath(QStringLiteral("provisioned")), m_clock);
    QVERIFY(till);
    const int schema = schemaVersion(*till);
    ScriptedHttpServer server([&](const ServedRequest& request) {
        return request.target == "/v1/snapshot" ? snapshotAnswer(file, QStringLiteral("c1"), schema)
                                                : feedAnswer(request.target);
    });
    QVERIFY(server.start());
    const Clock& clock = m_clock;
    Provisioner provisioner(till->connection(), m_clock,
                            [&clock](const QSqlDatabase& db) { return SyncEngine::changeApplier(db, clock); });
    const auto report = provisioner.run(requestFor(server));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QVERIFY2(report->snapshotUsed, qPrintable(report->snapshotSkippedMessage));
    QVERIFY(report->snapshot.complete);
    QCOMPARE(report->members, kMembers);
    QCOMPARE(server.requests().size(), 3);  // provision, snapshot, the feed after its cursor
    QVERIFY(server.requests().at(2).target.startsWith("/v1/changes?cursor=c1&"));
    QCOMPARE(SettingsRepository(till->connection()).value(kCursorKey)->value_or(QString()), QStringLiteral("c2"));
    QVERIFY(!QFile::exists(SnapshotDownload::partPath(till->path())));
}

void TestSnapshotAdoption::provisioningFallsBackWithoutASnapshot()
{
    auto till = sync_test::openDatabase(tillPath(QStringLiteral("fallback")), m_clock);
    QVERIFY(till);
    ScriptedHttpServer server([&](const ServedRequest& request) {
        return request.target == "/v1/snapshot" ? json(404, {{QStringLiteral("error"), QStringLiteral("not_found")}})
                                                : feedAnswer(request.target);
    });
    QVERIFY(server.start());
    const Clock& clock = m_clock;
    Provisioner provisioner(till->connection(), m_clock,
                            [&clock](const QSqlDatabase& db) { return SyncEngine::changeApplier(db, clock); });
    const auto report = provisioner.run(requestFor(server));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QVERIFY(!report->snapshotUsed);
    QCOMPARE(report->snapshotSkipped, QStringLiteral("no_snapshot"));
    QVERIFY(report->snapshot.complete);
    QCOMPARE(report->members, kMembers);  // row by row from the start of the feed
    QCOMPARE(SettingsRepository(till->connection()).value(kCursorKey)->value_or(QString()), QStringLiteral("c1"));
}

QTEST_GUILESS_MAIN(TestSnapshotAdoption)
#include "TestSnapshotAdoption.moc"
