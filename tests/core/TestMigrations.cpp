// Schema migrations: a version-1 database from the field is upgraded with all its data, a newer one
// is refused untouched, a fresh one is configured as the store promises, a failed step rolls back.
#include "CoreTestSupport.h"
#include "TestPaths.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"
#include "store/Migration.h"
#include "time/FixedClock.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QString kFixtureTillId = QStringLiteral("3f2b8c1e-7a4d-4e9b-8c2a-5d6e7f809a1b");

// The statements of a fixture file: one per line, "--" lines are comments.
QStringList fixtureStatements(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList statements;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString& raw : lines) {
        QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("--")))
            continue;
        if (line.endsWith(u';'))
            line.chop(1);
        statements << line;
    }
    return statements;
}

QString schemaV1Path()
{
    return QStringLiteral(LOYALTY_TEST_DATA_DIR "/schema-v1.sql");
}

// Executes `statements` on a separate connection that is closed again before returning.
QString buildDatabase(const QString& path, const QStringList& statements)
{
    const RawConnection raw(path);
    if (!raw.isOpen())
        return QStringLiteral("cannot open ") + path;
    for (const QString& statement : statements) {
        if (const QString error = raw.exec(statement); !error.isEmpty())
            return statement + QStringLiteral(" -> ") + error;
    }
    return {};
}

QStringList schemaObjects(const RawConnection& raw)
{
    return raw.rows(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
}
}  // namespace

class TestMigrations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void migrationsAreNumberedInOrder();
    void fixtureMatchesMigrationOne();
    void versionOneIsUpgradedWithAllItsData();
    void upgradedDatabaseKeepsSelling();
    void ledgerAndLinesAreAppendOnlyAfterUpgrade_data();
    void ledgerAndLinesAreAppendOnlyAfterUpgrade();
    void newerSchemaIsRefusedAndLeftUntouched_data();
    void newerSchemaIsRefusedAndLeftUntouched();
    void freshDatabaseIsConfigured();
    void reopeningACurrentDatabaseChangesNothing();
    void failedMigrationStepRollsBackEntirely();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("till.db")); }
    void buildVersionOne(const QStringList& extraStatements = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
}

void TestMigrations::cleanup()
{
    m_dir.reset();
}

void TestMigrations::buildVersionOne(const QStringList& extraStatements)
{
    const QStringList statements = fixtureStatements(schemaV1Path());
    QVERIFY2(statements.size() > 40, qPrintable(schemaV1Path()));
    const QString error = buildDatabase(path(), statements + extraStatements);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const RawConnection raw(path());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
}

void TestMigrations::migrationsAreNumberedInOrder()
{
    const auto& migrations = allMigrations();
    QVERIFY(migrations.size() >= 2);
    for (size_t i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations[i].version, int(i) + 1);
        QVERIFY(!migrations[i].statements.isEmpty());
    }
    QCOMPARE(currentSchemaVersion(), int(migrations.size()));
}

void TestMigrations::fixtureMatchesMigrationOne()
{
    // The fixture must be what migration 1 really created, or upgrading it proves nothing.
    const QString fixturePath = m_dir->filePath(QStringLiteral("fixture.db"));
    const QString codePath = m_dir->filePath(QStringLiteral("code.db"));
    QString error = buildDatabase(fixturePath, fixtureStatements(schemaV1Path()));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = buildDatabase(codePath, allMigrations().front().statements);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const RawConnection fixture(fixturePath);
    const RawConnection code(codePath);
    const QStringList fixtureSchema = schemaObjects(fixture);
    QCOMPARE(fixtureSchema.size(), 22);  // 9 tables, 9 indexes, 4 automatic indexes, no triggers yet
    QCOMPARE(fixtureSchema, schemaObjects(code));
    const QString settings = QStringLiteral("SELECT key, value FROM settings WHERE key <> 'till.id' ORDER BY key");
    QCOMPARE(fixture.rows(settings), code.rows(settings));
    QCOMPARE(fixture.rows(settings).size(), 5);
}

void TestMigrations::versionOneIsUpgradedWithAllItsData()
{
    buildVersionOne();

    auto opened = Database::open(path(), *m_clock, Database::OpenMode::MustExist);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    const std::unique_ptr<Database> database = std::move(opened).value();
    QCOMPARE(database->schemaVersion(), currentSchemaVersion());
    QCOMPARE(database->schemaVersion(), 7);

    const RawConnection raw(path());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), currentSchemaVersion());
    QCOMPARE(raw.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")),
             QStringList({QStringLiteral("audit_log_no_delete"), QStringLiteral("audit_log_no_update"),
                          QStringLiteral("ledger_entries_no_delete"), QStringLiteral("ledger_entries_no_update"),
                          QStringLiteral("members_search_delete"), QStringLiteral("members_search_insert"),
                          QStringLiteral("members_search_update"), QStringLiteral("sale_effects_no_delete"),
                          QStringLiteral("sale_effects_no_update"), QStringLiteral("sale_lines_no_delete"),
                          QStringLiteral("sale_lines_no_update")}));

    QCOMPARE(raw.rows(QStringLiteral("SELECT id, name, email, phone FROM members ORDER BY id")),
             QStringList({QStringLiteral("1|Anna Müller|anna.mueller1@example.org|+49 151 1234567"),
                          QStringLiteral("2|Jonas Weber|jonas.weber2@example.org|NULL"),
                          QStringLiteral("3|Ayşe Yılmaz|NULL|+49 151 7654321")}));
    QCOMPARE(raw.rows(QStringLiteral("SELECT number, member_id, state FROM cards ORDER BY number")),
             QStringList({QStringLiteral("2000000000015|1|active"), QStringLiteral("2000000000022|2|active"),
                          QStringLiteral("2000000000039|3|active"), QStringLiteral("2000900000030|3|blocked")}));
    // Migration 3: existing cards are printed numbers, nothing replaced, no consent records yet.
    QCOMPARE(raw.rows(QStringLiteral("SELECT DISTINCT kind || '|' || coalesce(replaced_by, '-') FROM cards")),
             QStringList{QStringLiteral("number|-")});
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM consents")).toInt(), 0);
    QCOMPARE(raw.rows(QStringLiteral("SELECT id, ean, price_minor, earns_points FROM products ORDER BY id")),
             QStringList({QStringLiteral("1|4006381000000|349|1"), QStringLiteral("2|4006381000024|229|1"),
                          QStringLiteral("3|4006381000031|1299|1"), QStringLiteral("4|41000090|25|0"),
                          QStringLiteral("5|41000199|890|0")}));
    QCOMPARE(raw.rows(QStringLiteral("SELECT id, member_id, total_minor, points_earned, state FROM sales")),
             QStringList({QStringLiteral("1|1|2022|19|completed")}));
    QCOMPARE(raw.rows(QStringLiteral("SELECT line_no, product_id, quantity, line_total_minor FROM sale_lines"
                                     " WHERE sale_id = 1 ORDER BY line_no")),
             QStringList({QStringLiteral("1|1|2|698"), QStringLiteral("2|3|1|1299"), QStringLiteral("3|4|1|25")}));
    QCOMPARE(raw.rows(QStringLiteral("SELECT member_id, sum(points) FROM ledger_entries GROUP BY member_id"
                                     " ORDER BY member_id")),
             QStringList({QStringLiteral("1|139"), QStringLiteral("2|0"), QStringLiteral("3|2500")}));
    QCOMPARE(raw.rows(QStringLiteral("SELECT id, sequence, type, sale_id, state FROM outbox_events")),
             QStringList({QStringLiteral("1|1|sale.completed|1|pending")}));
    const QJsonObject payload =
        QJsonDocument::fromJson(
            raw.scalar(QStringLiteral("SELECT payload FROM outbox_events WHERE id = 1")).toString().toUtf8())
            .object();
    QCOMPARE(payload.value(QStringLiteral("sale_uuid")).toString(),
             QStringLiteral("9b1d3c4e-2f6a-4b8c-9d0e-1f2a3b4c5d6e"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM till_counters WHERE name = 'outbox.sequence'")).toInt(), 1);

    const auto settings = TillSettings::load(database->connection());
    QVERIFY2(settings.ok(), qPrintable(errorText(settings)));
    QCOMPARE(settings->tillId, kFixtureTillId);
    QCOMPARE(settings->currency, QStringLiteral("EUR"));
    QCOMPARE(settings->cardPrefix, QStringLiteral("2000"));

    const auto report = ConsistencyCheck(*database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
    QCOMPARE(report->sales, 1);
    QCOMPARE(report->ledgerEntries, 4);
    QCOMPARE(report->outboxEvents, 1);
}

void TestMigrations::upgradedDatabaseKeepsSelling()
{
    buildVersionOne();
    auto opened = Database::open(path(), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    const std::unique_ptr<Database> database = std::move(opened).value();
    const auto settings = TillSettings::load(database->connection());
    QVERIFY2(settings.ok(), qPrintable(errorText(settings)));

    SaleSession session(*database, *m_clock, *settings);
    QCOMPARE(session.scan(QStringLiteral("2000000000022")).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(session.scan(QStringLiteral("4006381000024"), 2).kind, ScanOutcome::Kind::ProductAdded);  // 2 x 2,29
    QCOMPARE(session.scan(QStringLiteral("41000199")).kind, ScanOutcome::Kind::ProductAdded);          // tobacco
    const auto sale = session.complete();
    QVERIFY2(sale.ok(), qPrintable(errorText(sale)));
    QCOMPARE(sale->total.minorUnits(), 2 * 229 + 890);
    QCOMPARE(sale->effects.pointsEarned(), 4);  // 4,58 eligible; tobacco earns nothing
    QCOMPARE(sale->newBalance.value_or(-1), 4);
    QCOMPARE(sale->outboxSequence, 2);  // continues the counter the old version kept
    QCOMPARE(sale->saleId, 2);

    const auto report = ConsistencyCheck(*database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
    QCOMPARE(report->sales, 2);
    QCOMPARE(report->outboxEvents, 2);
}

void TestMigrations::ledgerAndLinesAreAppendOnlyAfterUpgrade_data()
{
    QTest::addColumn<QString>("statement");

    QTest::newRow("update ledger entry") << QStringLiteral("UPDATE ledger_entries SET points = 5000 WHERE id = 4");
    QTest::newRow("update ledger kind") << QStringLiteral("UPDATE ledger_entries SET kind = 'adjust' WHERE id = 1");
    QTest::newRow("delete ledger entry") << QStringLiteral("DELETE FROM ledger_entries WHERE id = 4");
    QTest::newRow("delete whole ledger") << QStringLiteral("DELETE FROM ledger_entries");
    QTest::newRow("update sale line") << QStringLiteral("UPDATE sale_lines SET quantity = 9 WHERE sale_id = 1");
    QTest::newRow("update line price") << QStringLiteral(
        "UPDATE sale_lines SET line_total_minor = 0 WHERE sale_id = 1 AND line_no = 2");
    QTest::newRow("delete sale line") << QStringLiteral("DELETE FROM sale_lines WHERE sale_id = 1 AND line_no = 3");
    QTest::newRow("delete all sale lines") << QStringLiteral("DELETE FROM sale_lines");
}

void TestMigrations::ledgerAndLinesAreAppendOnlyAfterUpgrade()
{
    QFETCH(QString, statement);
    buildVersionOne();

    // Version 1 had no guard: the statement works there (in a transaction that is rolled back).
    {
        const RawConnection v1(path());
        QVERIFY(v1.exec(QStringLiteral("BEGIN")).isEmpty());
        QCOMPARE(v1.exec(statement), QString());
        QVERIFY(v1.exec(QStringLiteral("ROLLBACK")).isEmpty());
    }

    auto opened = Database::open(path(), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    const std::unique_ptr<Database> database = std::move(opened).value();
    const RawConnection raw(path());
    const QString snapshot = QStringLiteral("SELECT * FROM ledger_entries ORDER BY id");
    const QString lines = QStringLiteral("SELECT * FROM sale_lines ORDER BY sale_id, line_no");
    const QStringList ledgerBefore = raw.rows(snapshot);
    const QStringList linesBefore = raw.rows(lines);
    QCOMPARE(ledgerBefore.size(), 4);
    QCOMPARE(linesBefore.size(), 3);

    QSqlQuery query(database->connection());
    QVERIFY2(!query.exec(statement), "the append-only guard let the statement through");
    QVERIFY2(query.lastError().text().contains(QLatin1String("append-only")), qPrintable(query.lastError().text()));
    query.finish();
    QCOMPARE(raw.rows(snapshot), ledgerBefore);
    QCOMPARE(raw.rows(lines), linesBefore);
}

void TestMigrations::newerSchemaIsRefusedAndLeftUntouched_data()
{
    QTest::addColumn<bool>("wal");
    QTest::addColumn<int>("mode");

    QTest::newRow("rollback journal") << false << int(Database::OpenMode::CreateIfMissing);
    QTest::newRow("rollback journal, must exist") << false << int(Database::OpenMode::MustExist);
    QTest::newRow("write-ahead log") << true << int(Database::OpenMode::CreateIfMissing);
}

void TestMigrations::newerSchemaIsRefusedAndLeftUntouched()
{
    QFETCH(bool, wal);
    QFETCH(int, mode);

    const int newer = currentSchemaVersion() + 1;
    {
        QStringList statements;
        if (wal)
            statements << QStringLiteral("PRAGMA journal_mode = WAL");
        statements << QStringLiteral("CREATE TABLE from_the_future (x INTEGER)")
                   << QStringLiteral("INSERT INTO from_the_future VALUES (42)")
                   << QStringLiteral("PRAGMA user_version = %1").arg(newer);
        const QString error = buildDatabase(path(), statements);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const QByteArray before = fileBytes(path());
    QVERIFY(!before.isEmpty());
    const QStringList filesBefore = QDir(m_dir->path()).entryList(QDir::Files, QDir::Name);
    QCOMPARE(filesBefore, QStringList{QStringLiteral("till.db")});

    {
        const auto opened = Database::open(path(), *m_clock, Database::OpenMode(mode));
        QVERIFY(!opened.ok());
        QCOMPARE(int(opened.error().code), int(Error::Code::SchemaTooNew));
        QVERIFY2(opened.error().message.contains(QString::number(newer)), qPrintable(opened.error().message));
    }

    const QByteArray after = fileBytes(path());
    QCOMPARE(after.size(), before.size());
    QVERIFY2(after == before, "the refused database file was changed");
    QCOMPARE(fileSha256(path()), QCryptographicHash::hash(before, QCryptographicHash::Sha256).toHex());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files, QDir::Name), filesBefore);
}

void TestMigrations::freshDatabaseIsConfigured()
{
    QVERIFY(!QFile::exists(path()));
    auto opened = Database::open(path(), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    const std::unique_ptr<Database> database = std::move(opened).value();
    QCOMPARE(database->schemaVersion(), currentSchemaVersion());
    QCOMPARE(database->path(), path());

    QSqlQuery query(database->connection());
    const auto pragma = [&query](const char* statement) -> QString {
        if (!query.exec(QString::fromLatin1(statement)) || !query.next())
            return QStringLiteral("failed: ") + query.lastError().text();
        const QString value = query.value(0).toString();
        query.finish();
        return value;
    };
    QCOMPARE(pragma("PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma("PRAGMA synchronous"), QStringLiteral("2"));
    QCOMPARE(pragma("PRAGMA foreign_keys"), QStringLiteral("1"));
    QCOMPARE(pragma("PRAGMA busy_timeout"), QStringLiteral("5000"));
    QCOMPARE(pragma("PRAGMA user_version"), QString::number(currentSchemaVersion()));

    // Foreign keys are really enforced: a card for a member that does not exist is refused.
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO cards (number, member_id, issued_at)"
                                       " VALUES ('2000000000015', 999, '2026-11-22T09:30:00.000Z')")));
    query.finish();

    const auto settings = TillSettings::load(database->connection());
    QVERIFY2(settings.ok(), qPrintable(errorText(settings)));
    const QUuid tillId = QUuid::fromString(settings->tillId);
    QVERIFY2(!tillId.isNull(), qPrintable(settings->tillId));
    QCOMPARE(tillId.version(), QUuid::Random);
    QCOMPARE(tillId.variant(), QUuid::DCE);
    QCOMPARE(settings->tillId.size(), 36);
    QCOMPARE(settings->tillId, settings->tillId.toLower());
    QCOMPARE(settings->currency, QStringLiteral("EUR"));
    QCOMPARE(settings->earnUnitMinor, 100);
    QCOMPARE(settings->earnPointsPerUnit, 1);

    // WAL is a property of the file, so a second program sees it too.
    const RawConnection raw(path());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestMigrations::reopeningACurrentDatabaseChangesNothing()
{
    QString tillId;
    QStringList schema;
    {
        auto opened = Database::open(path(), *m_clock);
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        const RawConnection raw(path());
        tillId = raw.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'till.id'")).toString();
        schema = schemaObjects(raw);
    }
    // version 1 tables and indexes, version 2 triggers, version 3 table and indexes, version 4 tables,
    // version 5 tables (8), indexes (4 and one for sale_returns.uuid) and triggers (2), version 6
    // indexes on member uuids and ledger origin keys, remote_sales and its index (the rebuilt outbox
    // keeps its count), version 7 tables (3) with their indexes (4, one for the unique audit hash),
    // audit and search triggers (5), the search index and its five shadow tables
    QCOMPARE(schema.size(), 22 + 4 + 3 + 2 + 15 + 4 + 3 + 4 + 5 + 6 + 1);

    auto reopened = Database::open(path(), *m_clock, Database::OpenMode::MustExist);
    QVERIFY2(reopened.ok(), qPrintable(errorText(reopened)));
    QCOMPARE((*reopened)->schemaVersion(), currentSchemaVersion());
    const RawConnection raw(path());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'till.id'")).toString(), tillId);
    QCOMPARE(schemaObjects(raw), schema);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT count(*) FROM settings")).toInt(), 6);
}

void TestMigrations::failedMigrationStepRollsBackEntirely()
{
    // An object in the way of migration 2's last statement makes that step fail after three of its
    // four triggers were created; none of them may remain and the version must stay 1.
    const QString obstacle = QStringLiteral("CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines"
                                            " BEGIN SELECT 1; END");
    buildVersionOne({obstacle});
    QStringList dataBefore;
    {
        const RawConnection raw(path());
        dataBefore = raw.rows(QStringLiteral("SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM sales),"
                                             " (SELECT count(*) FROM sale_lines), (SELECT sum(points) FROM"
                                             " ledger_entries), (SELECT count(*) FROM outbox_events)"));
    }
    QCOMPARE(dataBefore, QStringList{QStringLiteral("3|1|3|2639|1")});

    {
        const auto opened = Database::open(path(), *m_clock);
        QVERIFY(!opened.ok());
        QCOMPARE(int(opened.error().code), int(Error::Code::Storage));
        QVERIFY2(opened.error().message.contains(QLatin1String("version 2")), qPrintable(opened.error().message));
    }
    {
        const RawConnection raw(path());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QCOMPARE(raw.rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'")),
                 QStringList{QStringLiteral("sale_lines_no_delete")});
        QCOMPARE(raw.rows(QStringLiteral("SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM sales),"
                                         " (SELECT count(*) FROM sale_lines), (SELECT sum(points) FROM"
                                         " ledger_entries), (SELECT count(*) FROM outbox_events)")),
                 dataBefore);
        // Without the obstacle the same upgrade goes through.
        QCOMPARE(raw.exec(QStringLiteral("DROP TRIGGER sale_lines_no_delete")), QString());
    }
    auto opened = Database::open(path(), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    QCOMPARE((*opened)->schemaVersion(), currentSchemaVersion());
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
