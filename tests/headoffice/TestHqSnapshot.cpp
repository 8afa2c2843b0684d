// Till snapshots (TillSnapshotBuilder, TillSnapshotStore, GET /v1/snapshot): the published file
// holds what a till provisioned row by row through the feed holds, the route streams its exact
// bytes with the contract's headers to a signed till only, and 404 says when there is none.
#include "HqServerTestClient.h"
#include "HqTestSupport.h"
#include "admin/HqDemo.h"
#include "apply/HqMemberErasure.h"
#include "feed/TillSnapshotBuilder.h"
#include "feed/TillSnapshotStore.h"
#include "http/HqServer.h"
#include "http/SnapshotRoute.h"
#include "records/HqRecordWriter.h"
#include "store/Database.h"
#include "store/HqDatabaseUrl.h"
#include "store/HqTransaction.h"
#include "sync/client/Provisioner.h"
#include "sync/client/SyncEngine.h"
#include "time/FixedClock.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::test;

namespace {
const QDateTime kNow(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

// Every row of a table, in id order, as one text: equal texts, equal tables.
QString tableText(const QSqlDatabase& db, const QString& table, const QString& order)
{
    QSqlQuery query(db);
    // Table and column names are this test's constants.
    if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, order)))
        return QStringLiteral("error: ") + query.lastError().text();
    QStringList rows;
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields.append(query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
        rows.append(fields.join(u'|'));
    }
    return rows.join(u'\n');
}

qint64 matches(const QSqlDatabase& db, const QString& expression)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH ?"));
    query.bindValue(0, expression);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 scalar(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
}  // namespace

class TestHqSnapshot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void snapshotHoldsWhatRowByRowProvisioningGives();
    void getStreamsTheExactFileWithItsHeaders();
    void unsignedAndForgedRequestsAreRefused();
    void noSnapshotIsNotFound();
    void publishedFilesAreImmutableAndTheNewestTwoKept();
    void anErasureWithdrawsOlderSnapshots();

private:
    Signer provisionSigner();
    // Erases the demo's n-th member (by rowid) as a member.erased event would, in its own transaction.
    void erase(int n);
    Signer signer(const Signer& till) const
    {
        return {till.tillId, till.secret, m_clock->now().toSecsSinceEpoch(), {}};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<HqDatabase> m_database;
    std::unique_ptr<HeadOffice> m_office;
    std::unique_ptr<HqServer> m_server;
    std::unique_ptr<HqServerTestClient> m_client;
    QString m_base;
};

void TestHqSnapshot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(kNow);
    // Snapshots live beside a SQLite head office only.
    const auto url = HqDatabaseUrl::parse(m_dir->filePath(QStringLiteral("hq.db")));
    QVERIFY(url.ok());
    auto opened = HqDatabase::open(*url, HqDatabase::OpenMode::CreateIfMissing);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    m_database = std::move(opened.value());
    m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
    QVERIFY(HqDemo(*m_database, *m_clock).generate(120).ok());
    m_server = std::make_unique<HqServer>(*m_office, *m_clock);
    const auto port = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().message));
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    m_client = std::make_unique<HqServerTestClient>(m_base);
}

void TestHqSnapshot::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_office.reset();
    m_database.reset();
    m_dir.reset();
}

Signer TestHqSnapshot::provisionSigner()
{
    const auto code = m_office->addTerminal(QStringLiteral("Till 9"));
    if (!code)
        return {};
    const auto till = m_office->provision(code->code, QStringLiteral("Till 9"));
    if (!till)
        return {};
    return {till->tillId, till->secret, 0, {}};
}

void TestHqSnapshot::snapshotHoldsWhatRowByRowProvisioningGives()
{
    const auto published = TillSnapshotBuilder(*m_office).publish();
    QVERIFY2(published.ok(), published.ok() ? "" : qPrintable(published.error().message));
    QCOMPARE(published->members, 120);
    QVERIFY(!published->alreadyPublished);
    QCOMPARE(published->behind, 0);

    // A till provisioned the way it is today: every page of the feed through its ChangeApplier.
    auto till = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(till.ok());
    const QSqlDatabase tillDb = (*till)->connection();
    const auto code = m_office->addTerminal(QStringLiteral("Till 2"));
    QVERIFY(code.ok());
    sync::Provisioner provisioner(
        tillDb, *m_clock, [this](const QSqlDatabase& db) { return sync::SyncEngine::changeApplier(db, *m_clock); });
    sync::Provisioner::Request request;
    request.hq = QUrl(m_base);
    request.code = code->code;
    request.allowPlainLoopback = true;
    const auto provisioned = provisioner.run(request);
    QVERIFY2(provisioned.ok(), provisioned.ok() ? "" : qPrintable(provisioned.error().message));
    QVERIFY2(!provisioned->snapshot.failure.has_value(), qPrintable(provisioned->snapshot.message));
    QCOMPARE(provisioned->members, 120);

    {
        QSqlDatabase snapshot = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("snapshot"));
        snapshot.setDatabaseName(published->path);
        snapshot.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(snapshot.open());
        QCOMPARE(scalar(snapshot, QStringLiteral("PRAGMA user_version")), qint64((*till)->schemaVersion()));
        QCOMPARE(published->schema, (*till)->schemaVersion());
        QCOMPARE(scalar(snapshot, QStringLiteral("SELECT count(*) FROM members")), 120);
        QVERIFY(scalar(snapshot, QStringLiteral("SELECT count(*) FROM cards")) >= 120);
        QVERIFY(scalar(snapshot, QStringLiteral("SELECT sum(points) FROM ledger_entries")) > 0);
        QCOMPARE(scalar(snapshot, QStringLiteral("SELECT sum(points) FROM ledger_entries")),
                 scalar(tillDb, QStringLiteral("SELECT sum(points) FROM ledger_entries")));
        // The shared tables, row for row (the clock is fixed, so even the times agree).
        const QList<std::pair<QString, QString>> tables{
            {QStringLiteral("members"), QStringLiteral("id")},
            {QStringLiteral("cards"), QStringLiteral("number")},
            {QStringLiteral("ledger_entries"), QStringLiteral("id")},
            {QStringLiteral("products"), QStringLiteral("id")},
            {QStringLiteral("programmes"), QStringLiteral("1")},
            {QStringLiteral("consents"), QStringLiteral("1")},
            {QStringLiteral("card_trust_keys"), QStringLiteral("1")},
            {QStringLiteral("revoked_digital_cards"), QStringLiteral("1")},
            {QStringLiteral("member_segments"), QStringLiteral("1")},
            {QStringLiteral("remote_sales"), QStringLiteral("1")},
            {QStringLiteral("till_counters"), QStringLiteral("name")},
        };
        for (const auto& [table, order] : tables)
            QVERIFY2(tableText(snapshot, table, order) == tableText(tillDb, table, order), qPrintable(table));
        QCOMPARE(scalar(snapshot, QStringLiteral("SELECT count(*) FROM programmes")), 1);
        QCOMPARE(scalar(snapshot, QStringLiteral("SELECT count(*) FROM member_search")),
                 scalar(tillDb, QStringLiteral("SELECT count(*) FROM member_search")));
        QSqlQuery name(tillDb);
        QVERIFY(name.exec(QStringLiteral("SELECT substr(name, 1, 3) FROM members ORDER BY id LIMIT 1")) && name.next());
        const QString prefix = u'"' + name.value(0).toString().remove(u'"') + QStringLiteral("\"*");
        name.finish();
        QCOMPARE(matches(snapshot, prefix), matches(tillDb, prefix));
        QVERIFY(matches(tillDb, prefix) > 0);

        // The snapshot's own cursor, and nothing of any till.
        QSqlQuery settings(snapshot);
        QVERIFY(settings.exec(QStringLiteral("SELECT key, value FROM settings")));
        QHash<QString, QString> values;
        while (settings.next())
            values.insert(settings.value(0).toString(), settings.value(1).toString());
        QCOMPARE(values.value(QStringLiteral("sync.cursor")), published->cursor);
        QVERIFY(!values.contains(QStringLiteral("till.id")));
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            QVERIFY2(it.key() == QLatin1String("sync.cursor") || !it.key().startsWith(QLatin1String("sync.")),
                     qPrintable(it.key()));
        QCOMPARE(scalar(snapshot, QStringLiteral("SELECT count(*) FROM outbox_events")), 0);
        QCOMPARE(scalar(snapshot, QStringLiteral("SELECT count(*) FROM sales")), 0);
        snapshot.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("snapshot"));
    QVERIFY(!QFile::exists(published->path + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(published->path + QStringLiteral("-journal")));
    // Rollback-journal file format (header bytes 18 and 19 are 1; WAL would be 2): self-contained.
    QFile file(published->path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(100);
    QCOMPARE(int(header.at(18)), 1);
    QCOMPARE(int(header.at(19)), 1);
}

void TestHqSnapshot::getStreamsTheExactFileWithItsHeaders()
{
    const auto published = TillSnapshotBuilder(*m_office).publish();
    QVERIFY(published.ok());
    const Signer till = provisionSigner();
    QVERIFY(!till.tillId.isEmpty());

    const HttpAnswer answer = m_client->send("GET", sync::kSnapshotPath, {}, signer(till));
    QCOMPARE(answer.status, 200);
    QFile file(published->path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 256 * 1024);  // more than one block of the stream
    QCOMPARE(answer.raw.size(), bytes.size());
    QVERIFY(answer.raw == bytes);
    const auto header = [&answer](const QByteArray& name) {
        for (const auto& [key, value] : answer.headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    };
    QCOMPARE(header("Content-Type"), SnapshotRoute::kContentType);
    QCOMPARE(header("Content-Length"), QByteArray::number(bytes.size()));
    QCOMPARE(header(SnapshotRoute::kCursorHeader), published->cursor.toLatin1());
    QCOMPARE(header(SnapshotRoute::kSchemaHeader), QByteArray::number(published->schema));
    QCOMPARE(header(SnapshotRoute::kSha256Header), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(header(SnapshotRoute::kSha256Header), published->sha256.toLatin1());

    // The same connection serves the next request after the stream.
    const HttpAnswer status = m_client->send("GET", sync::kStatusPath);
    QCOMPARE(status.status, 200);
}

void TestHqSnapshot::unsignedAndForgedRequestsAreRefused()
{
    QVERIFY(TillSnapshotBuilder(*m_office).publish().ok());
    Signer till = provisionSigner();
    QVERIFY(!till.tillId.isEmpty());

    const HttpAnswer unsigned_ = m_client->send("GET", sync::kSnapshotPath);
    QCOMPARE(unsigned_.status, 401);
    QVERIFY(!unsigned_.errorCode().isEmpty());
    QVERIFY(unsigned_.raw.size() < 4096);

    Signer forged = signer(till);
    forged.secret = QByteArray(32, 'x');
    const HttpAnswer refused = m_client->send("GET", sync::kSnapshotPath, {}, forged);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.errorCode(), QStringLiteral("bad_signature"));

    // A replayed request (same nonce) is refused like on every signed endpoint.
    Signer once = signer(till);
    once.nonce = sync::RequestSignature::newNonce();
    QCOMPARE(m_client->send("GET", sync::kSnapshotPath, {}, once).status, 200);
    QCOMPARE(m_client->send("GET", sync::kSnapshotPath, {}, once).status, 401);

    const HttpAnswer post = m_client->send("POST", sync::kSnapshotPath, {}, signer(till));
    QCOMPARE(post.status, 405);
}

void TestHqSnapshot::noSnapshotIsNotFound()
{
    const Signer till = provisionSigner();
    QVERIFY(!till.tillId.isEmpty());
    const HttpAnswer answer = m_client->send("GET", sync::kSnapshotPath, {}, signer(till));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.errorCode(), QStringLiteral("no_snapshot"));
}

void TestHqSnapshot::publishedFilesAreImmutableAndTheNewestTwoKept()
{
    const auto first = TillSnapshotBuilder(*m_office).publish();
    QVERIFY(first.ok());
    const auto again = TillSnapshotBuilder(*m_office).publish();
    QVERIFY(again.ok());
    QVERIFY(again->alreadyPublished);
    QCOMPARE(again->path, first->path);
    QCOMPARE(again->sha256, first->sha256);

    // A new change in the feed (a product's change once more) makes the next snapshot a new file.
    QStringList paths{first->path};
    for (int i = 0; i < 2; ++i) {
        const auto code = m_office->addTerminal(QStringLiteral("Till %1").arg(i));
        QVERIFY(code.ok());
        QSqlQuery change(m_database->connection());
        change.prepare(QStringLiteral("INSERT INTO changes (kind, data) SELECT kind, data FROM changes WHERE "
                                      "kind = 'product' LIMIT 1"));
        QVERIFY2(change.exec(), qPrintable(change.lastError().text()));
        const auto next = TillSnapshotBuilder(*m_office).publish();
        QVERIFY2(next.ok(), next.ok() ? "" : qPrintable(next.error().message));
        QVERIFY(!next->alreadyPublished);
        paths.append(next->path);
    }
    const auto all = TillSnapshotStore(TillSnapshotStore::directoryFor(m_database->url())).published();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).path, paths.at(2));
    QCOMPARE(all->at(1).path, paths.at(1));
    QVERIFY(!QFile::exists(paths.at(0)));
    QVERIFY(!QFile::exists(paths.at(0) + TillSnapshotStore::kHashSuffix));
}

void TestHqSnapshot::erase(int n)
{
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT uuid FROM members ORDER BY rowid LIMIT 1 OFFSET %1").arg(n)));
    QVERIFY(query.next());
    const QString uuid = query.value(0).toString();
    query.finish();
    HqTransaction transaction(*m_database);
    QVERIFY(transaction.beginWrite().ok());
    HqRecordWriter writer(*m_database);
    const auto member = writer.member(uuid);
    QVERIFY(member.ok() && member->has_value());
    QVERIFY(HqMemberErasure(*m_database, writer).erase(**member, QStringLiteral("2026-12-01T09:30:00.000Z"), {}).ok());
    QVERIFY(transaction.commit().ok());
}

void TestHqSnapshot::anErasureWithdrawsOlderSnapshots()
{
    const Signer till = provisionSigner();
    QVERIFY(!till.tillId.isEmpty());
    const auto before = TillSnapshotBuilder(*m_office).publish();
    QVERIFY(before.ok());

    // The erasure removes the published copies that still hold the person.
    erase(3);
    const TillSnapshotStore store(TillSnapshotStore::directoryFor(m_database->url()));
    QVERIFY(store.published().ok());
    QVERIFY(store.published()->isEmpty());
    QVERIFY(!QFile::exists(before->path));
    QCOMPARE(m_client->send("GET", sync::kSnapshotPath, {}, signer(till)).errorCode(), QStringLiteral("no_snapshot"));

    // One published after the erasure is served; one older than a later erasure is withheld even
    // when its file could not be removed (here: put back after the erasure).
    const auto after = TillSnapshotBuilder(*m_office).publish();
    QVERIFY(after.ok());
    QVERIFY(!after->alreadyPublished);
    QCOMPARE(m_client->send("GET", sync::kSnapshotPath, {}, signer(till)).status, 200);
    const QString keptAside = m_dir->filePath(QStringLiteral("kept-aside"));
    QVERIFY(QFile::copy(after->path, keptAside));
    QVERIFY(QFile::copy(after->path + TillSnapshotStore::kHashSuffix, keptAside + TillSnapshotStore::kHashSuffix));
    erase(4);
    QVERIFY(!QFile::exists(after->path));
    QVERIFY(QFile::rename(keptAside, after->path));
    QVERIFY(QFile::rename(keptAside + TillSnapshotStore::kHashSuffix, after->path + TillSnapshotStore::kHashSuffix));
    QVERIFY(store.newest().ok() && store.newest()->has_value());
    const HttpAnswer withheld = m_client->send("GET", sync::kSnapshotPath, {}, signer(till));
    QCOMPARE(withheld.status, 404);
    QCOMPARE(withheld.errorCode(), QStringLiteral("no_snapshot"));
}

QTEST_GUILESS_MAIN(TestHqSnapshot)
#include "TestHqSnapshot.moc"
