// Provisioner against a scripted head office on a real loopback socket: the credentials and the
// till's identity stored at once, the snapshot pulled page by page with progress, a refused code
// storing nothing, and a till that already has its secret continuing without spending a code.
#include "ScriptedHttpServer.h"
#include "SyncTestDatabase.h"
#include "demo/DemoDataGenerator.h"
#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "sync/SyncSettingKeys.h"
#include "sync/client/Provisioner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using loyalty::SettingsRepository;
using loyalty::sync::Provisioner;
using Request = ScriptedHttpServer::Request;
using Response = ScriptedHttpServer::Response;

namespace {
const QString kServerTime = QStringLiteral("2026-12-01T09:00:00Z");
const QString kHqTillId = QStringLiteral("7d1e0c2a-1111-4000-8000-00000000000a");
const QByteArray kSecret(32, 'x');

Response provisioned()
{
    return {200,
            {{QStringLiteral("protocol"), 1},
             {QStringLiteral("till_id"), kHqTillId},
             {QStringLiteral("till_name"), QStringLiteral("Bakery Nord 2")},
             {QStringLiteral("secret"), QString::fromLatin1(kSecret.toBase64())},
             {QStringLiteral("hq_public_key"), QString::fromLatin1(QByteArray(32, 'p').toBase64())},
             {QStringLiteral("server_time"), kServerTime}},
            {}};
}

// Three pages of nothing but cursors: the engine's paging and the stored cursor are what count here.
Response page(const Request& request)
{
    const QString target = QString::fromLatin1(request.target);
    const int number = target.contains(QStringLiteral("cursor=p2"))   ? 3
                       : target.contains(QStringLiteral("cursor=p1")) ? 2
                                                                      : 1;
    return {200,
            {{QStringLiteral("changes"), QJsonArray()},
             {QStringLiteral("cursor"), QStringLiteral("p%1").arg(number)},
             {QStringLiteral("more"), number < 3},
             {QStringLiteral("remaining"), (3 - number) * 10},
             {QStringLiteral("server_time"), kServerTime}},
            {}};
}
}  // namespace

class TestProvisioner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void provisioningStoresCredentialsAndPullsTheSnapshot();
    void refusedCodeStoresNothing();
    void tillWithASecretContinuesWithoutTheCode();
    void snapshotCutIsNotAnError();

private:
    Provisioner provisioner();
    Provisioner::Request requestFor(const ScriptedHttpServer& server) const;
    QString setting(const QString& key) const;

    QTemporaryDir m_dir;
    loyalty::FixedClock m_clock{QDateTime::fromString(kServerTime, Qt::ISODate)};
    std::unique_ptr<loyalty::Database> m_database;
};

void TestProvisioner::init()
{
    QVERIFY(m_dir.isValid());
    m_database = sync_test::openDatabase(
        m_dir.filePath(QStringLiteral("%1.db").arg(QString::fromLatin1(QTest::currentTestFunction()))), m_clock);
    QVERIFY(m_database);
    QVERIFY(loyalty::DemoDataGenerator(*m_database, m_clock).generate(5).ok());
}

void TestProvisioner::cleanup()
{
    m_database.reset();
}

Provisioner TestProvisioner::provisioner()
{
    return Provisioner(m_database->connection(), m_clock, [](const QSqlDatabase& db) {
        return [db](const QJsonArray& changes, const QString& cursor,
                    loyalty::sync::ChangeApplier::Commit) -> loyalty::Result<loyalty::sync::AppliedPage> {
            if (auto stored = SettingsRepository(db).setValue(loyalty::sync::kCursorKey, cursor); !stored)
                return stored.error();
            loyalty::sync::AppliedPage applied;
            applied.cursor = cursor;
            applied.changes = int(changes.size());
            return applied;
        };
    });
}

Provisioner::Request TestProvisioner::requestFor(const ScriptedHttpServer& server) const
{
    Provisioner::Request request;
    request.hq = QUrl(server.url(), QUrl::StrictMode);
    request.code = QStringLiteral("K7QF-3MZP-XW2D");
    request.allowPlainLoopback = true;
    request.tillName = QStringLiteral("Till 2");
    request.timeoutMs = 10'000;
    return request;
}

QString TestProvisioner::setting(const QString& key) const
{
    const auto value = SettingsRepository(m_database->connection()).value(key);
    return value && value->has_value() ? **value : QString();
}

void TestProvisioner::provisioningStoresCredentialsAndPullsTheSnapshot()
{
    const QStringList before = sync_test::appendEvents(*m_database, 2);  // sold before provisioning
    ScriptedHttpServer server(
        [](const Request& request) { return request.target == "/v1/provision" ? provisioned() : page(request); });
    QVERIFY(server.start());
    QList<std::pair<qint64, qint64>> progress;
    const auto report = provisioner().run(requestFor(server), [&progress](qint64 pulled, qint64 remaining) {
        progress.append({pulled, remaining});
    });
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QVERIFY(report->snapshot.complete);
    QVERIFY(!report->continued);
    QCOMPARE(report->tillId, kHqTillId);
    QCOMPARE(report->tillName, QStringLiteral("Bakery Nord 2"));
    QCOMPARE(report->members, 5);
    QCOMPARE(progress.size(), 3);
    QCOMPARE(progress.last().second, 0);

    const Request& first = server.requests().first();
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.json().value(QLatin1String("code")).toString(), QStringLiteral("K7QF-3MZP-XW2D"));
    QCOMPARE(first.json().value(QLatin1String("till_name")).toString(), QStringLiteral("Till 2"));
    QVERIFY(!first.headers.contains("x-loyalty-signature"));  // provisioning is unsigned
    QVERIFY(server.requests().at(1).headers.contains("x-loyalty-signature"));

    QCOMPARE(setting(loyalty::sync::kHqUrlKey), server.url());
    QCOMPARE(QByteArray::fromBase64(setting(loyalty::sync::kTillSecretKey).toLatin1()), kSecret);
    QCOMPARE(setting(loyalty::sync::kAllowPlainLoopbackKey), QStringLiteral("1"));
    QCOMPARE(setting(loyalty::sync::kProvisionedKey), QStringLiteral("1"));
    QCOMPARE(setting(loyalty::sync::kCursorKey), QStringLiteral("p3"));
    QCOMPARE(setting(loyalty::TillSettings::kTillId), kHqTillId);
    QCOMPARE(setting(loyalty::TillSettings::kTillName), QStringLiteral("Bakery Nord 2"));
    // What was sold before now travels under the identity head office gave the till.
    QCOMPARE(sync_test::scalar(*m_database,
                               QStringLiteral("SELECT count(*) FROM outbox_events WHERE till_id = '%1'").arg(kHqTillId))
                 .toInt(),
             before.size());
}

void TestProvisioner::refusedCodeStoresNothing()
{
    ScriptedHttpServer server([](const Request&) {
        return Response{403,
                        {{QStringLiteral("error"), QStringLiteral("bad_code")},
                         {QStringLiteral("message"), QStringLiteral("Unknown code.")},
                         {QStringLiteral("server_time"), kServerTime}},
                        {}};
    });
    QVERIFY(server.start());
    const QString tillIdBefore = setting(loyalty::TillSettings::kTillId);
    const auto report = provisioner().run(requestFor(server));
    QVERIFY(!report.ok());
    QCOMPARE(report.error().reason, QStringLiteral("bad_code"));
    QCOMPARE(report.error().code, loyalty::Error::Code::Refused);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(
        sync_test::scalar(*m_database, QStringLiteral("SELECT count(*) FROM settings WHERE key LIKE 'sync.%'")).toInt(),
        0);
    QCOMPARE(setting(loyalty::TillSettings::kTillId), tillIdBefore);
}

void TestProvisioner::tillWithASecretContinuesWithoutTheCode()
{
    ScriptedHttpServer server(
        [](const Request& request) { return request.target == "/v1/provision" ? provisioned() : page(request); });
    QVERIFY(server.start());
    SettingsRepository settings(m_database->connection());
    QVERIFY(settings.setValue(loyalty::sync::kHqUrlKey, server.url()));
    QVERIFY(settings.setValue(loyalty::sync::kAllowPlainLoopbackKey, QStringLiteral("1")));
    QVERIFY(settings.setValue(loyalty::sync::kTillSecretKey, QString::fromLatin1(kSecret.toBase64())));
    QVERIFY(settings.setValue(loyalty::sync::kProvisionedKey, QStringLiteral("0")));
    QVERIFY(settings.setValue(loyalty::sync::kCursorKey, QStringLiteral("p2")));  // cut after the second page
    const auto report = provisioner().run(requestFor(server));
    QVERIFY(report.ok());
    QVERIFY(report->continued);
    QVERIFY(report->snapshot.complete);
    QCOMPARE(server.requests().size(), 1);  // no /v1/provision: the code was spent the first time
    QVERIFY(server.requests().first().target.startsWith("/v1/changes?cursor=p2&"));
    QCOMPARE(setting(loyalty::sync::kProvisionedKey), QStringLiteral("1"));
}

void TestProvisioner::snapshotCutIsNotAnError()
{
    int pages = 0;
    ScriptedHttpServer server([&pages](const Request& request) {
        if (request.target == "/v1/provision")
            return provisioned();
        if (++pages == 2)
            return Response{503, {{QStringLiteral("error"), QStringLiteral("unavailable")}}, {}};
        return page(request);
    });
    QVERIFY(server.start());
    const auto report = provisioner().run(requestFor(server));
    QVERIFY(report.ok());
    QVERIFY(!report->snapshot.complete);
    // The credentials and the first page's cursor are kept: running again continues from there.
    QCOMPARE(setting(loyalty::sync::kCursorKey), QStringLiteral("p1"));
    QCOMPARE(setting(loyalty::sync::kProvisionedKey), QStringLiteral("0"));
    QVERIFY(!setting(loyalty::sync::kTillSecretKey).isEmpty());
}

QTEST_GUILESS_MAIN(TestProvisioner)
#include "TestProvisioner.moc"
