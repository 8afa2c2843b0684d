// The loyalty-hq command line as scripts use it: the real process, its JSON and its exit codes,
// --db before or after the command, on the backend LOYALTY_TEST_HQ_BACKEND names.
#include "HqTestSupport.h"
#include "program/format/ProgrammeStore.h"
#include "time/FixedClock.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

namespace {
struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString out;
    QString err;
};
}  // namespace

class TestHqCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void usageErrors_data();
    void usageErrors();
    void readingCommandsNeedADatabase();
    void terminalAddPrintsACode();
    void demoBalanceAndStats();
    void programmePublish();
    void importMembers();
    void conflictsAndExpire();
    void unreachablePostgresqlIsAStorageError();

private:
    Run hq(const QStringList& arguments) const;
    QString writeFile(const QString& name, const QByteArray& content) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestHqCommandLine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QString error;
    m_db = freshDatabaseText(*m_dir, &error);
    if (m_db.isEmpty())
        QFAIL(qPrintable(error));
}

void TestHqCommandLine::cleanup()
{
    m_dir.reset();
}

Run TestHqCommandLine::hq(const QStringList& arguments) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral(LOYALTY_HQ_PATH), arguments);
    Run run;
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit) {
        run.err = QStringLiteral("loyalty-hq did not finish: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    return run;
}

QString TestHqCommandLine::writeFile(const QString& name, const QByteArray& content) const
{
    QFile file(m_dir->filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return file.fileName();
}

void TestHqCommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("terminal without action") << QStringList{QStringLiteral("terminal")};
    QTest::newRow("terminal add without name") << QStringList{QStringLiteral("terminal"), QStringLiteral("add")};
    QTest::newRow("demo without members") << QStringList{QStringLiteral("demo")};
    QTest::newRow("demo with a bad count")
        << QStringList{QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("many")};
    QTest::newRow("option of another command")
        << QStringList{QStringLiteral("stats"), QStringLiteral("--members"), QStringLiteral("5")};
    QTest::newRow("balance without card") << QStringList{QStringLiteral("balance")};
    QTest::newRow("expire at no time") << QStringList{QStringLiteral("expire"), QStringLiteral("--at"),
                                                      QStringLiteral("tomorrow")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("stats"), QStringLiteral("--colour")};
    QTest::newRow("audit verify without till") << QStringList{QStringLiteral("audit"), QStringLiteral("verify")};
}

void TestHqCommandLine::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run run = hq(QStringList{QStringLiteral("--db"), m_db} + arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QLatin1String("loyalty-hq: ")), qPrintable(run.err));
}

void TestHqCommandLine::readingCommandsNeedADatabase()
{
    for (const QStringList& command : {QStringList{QStringLiteral("stats")}, QStringList{QStringLiteral("conflicts")},
                                       QStringList{QStringLiteral("balance"), QStringLiteral("2000000000015")},
                                       QStringList{QStringLiteral("terminal"), QStringLiteral("list")}}) {
        const Run run = hq(command + QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 2, qPrintable(command.join(u' ') + QStringLiteral(": ") + run.err));
    }
    if (backendName() == QLatin1String("sqlite"))
        QVERIFY(!QFile::exists(m_db));  // a mistyped --db leaves nothing behind
    const Run version = hq({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QLatin1String("loyalty-hq ")));
    QCOMPARE(hq({QStringLiteral("--help")}).exitCode, 0);
}

void TestHqCommandLine::terminalAddPrintsACode()
{
    // --db after the command words, and before them.
    const Run added = hq({QStringLiteral("terminal"), QStringLiteral("add"), QStringLiteral("--name"),
                          QStringLiteral("Bakery Nord 2"), QStringLiteral("--json"), QStringLiteral("--db"), m_db});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QCOMPARE(added.json.keys(),
             QStringList({QStringLiteral("code"), QStringLiteral("expires_at"), QStringLiteral("name")}));
    QCOMPARE(added.json.value(QStringLiteral("name")).toString(), QStringLiteral("Bakery Nord 2"));
    QCOMPARE(added.json.value(QStringLiteral("code")).toString().size(), 14);
    const Run listed = hq(
        {QStringLiteral("--db"), m_db, QStringLiteral("--json"), QStringLiteral("terminal"), QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.json.value(QStringLiteral("tills")).toArray().size(), 0);  // a code is no till yet

    QString tillId;
    {
        QString error;
        auto database = openDatabase(m_db, &error);
        QVERIFY2(database, qPrintable(error));
        FixedClock clock(QDateTime::currentDateTimeUtc());
        HeadOffice office(*database, clock);
        const auto till = office.provision(added.json.value(QStringLiteral("code")).toString(), QString());
        QVERIFY2(till.ok(), qPrintable(errorText(till)));
        tillId = till->tillId;
    }
    const Run disabled = hq({QStringLiteral("--db"), m_db, QStringLiteral("terminal"), QStringLiteral("disable"),
                             tillId, QStringLiteral("--json")});
    QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
    const Run after = hq(
        {QStringLiteral("--db"), m_db, QStringLiteral("--json"), QStringLiteral("terminal"), QStringLiteral("list")});
    const QJsonObject row = after.json.value(QStringLiteral("tills")).toArray().first().toObject();
    QCOMPARE(row.value(QStringLiteral("till_id")).toString(), tillId);
    QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("disabled"));
    QCOMPARE(
        hq({QStringLiteral("--db"), m_db, QStringLiteral("terminal"), QStringLiteral("disable"), newId()}).exitCode, 2);
}

void TestHqCommandLine::demoBalanceAndStats()
{
    const Run demo = hq({QStringLiteral("--db"), m_db, QStringLiteral("demo"), QStringLiteral("--members"),
                         QStringLiteral("1200"), QStringLiteral("--json")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QCOMPARE(demo.json.value(QStringLiteral("members")).toInteger(), 1200);
    QCOMPARE(demo.json.value(QStringLiteral("cards")).toInteger(), 1201);
    QCOMPARE(demo.json.value(QStringLiteral("products")).toInteger(), 300);
    QCOMPARE(demo.json.value(QStringLiteral("programme_published")).toBool(), true);
    const Run again =
        hq({QStringLiteral("--db"), m_db, QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("5")});
    QCOMPARE(again.exitCode, 4);

    const Run balance = hq({QStringLiteral("balance"), QStringLiteral("2000000000015"), QStringLiteral("--db"), m_db,
                            QStringLiteral("--json")});
    QVERIFY2(balance.exitCode == 0, qPrintable(balance.err));
    QCOMPARE(balance.json.keys(), QStringList({QStringLiteral("accounts"), QStringLiteral("balance"),
                                               QStringLiteral("card_number"), QStringLiteral("member_name"),
                                               QStringLiteral("member_uuid"), QStringLiteral("wallet_minor")}));
    QCOMPARE(balance.json.value(QStringLiteral("member_uuid")).toString(), sync::memberUuidForNumber(1));
    QCOMPARE(balance.json.value(QStringLiteral("balance")).toInteger(),
             balance.json.value(QStringLiteral("accounts")).toObject().value(QStringLiteral("points")).toInteger());
    QCOMPARE(hq({QStringLiteral("balance"), QStringLiteral("2999999999999"), QStringLiteral("--db"), m_db}).exitCode,
             2);

    const Run stats = hq({QStringLiteral("stats"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QCOMPARE(stats.exitCode, 0);
    QCOMPARE(stats.json.keys(),
             QStringList({QStringLiteral("coupon_conflicts"), QStringLiteral("duplicates_refused"),
                          QStringLiteral("events"), QStringLiteral("members"), QStringLiteral("overdrafts"),
                          QStringLiteral("rejected"), QStringLiteral("tills")}));
    QCOMPARE(stats.json.value(QStringLiteral("members")).toInteger(), 1200);
}

void TestHqCommandLine::programmePublish()
{
    QJsonObject programme = QJsonDocument::fromJson(ProgrammeStore::builtInDocument()).object();
    programme.insert(QStringLiteral("version"), 3);
    const QString good = writeFile(QStringLiteral("v3.json"), QJsonDocument(programme).toJson());
    programme.insert(QStringLiteral("version"), 2);
    const QString older = writeFile(QStringLiteral("v2.json"), QJsonDocument(programme).toJson());
    programme.insert(QStringLiteral("version"), QStringLiteral("four"));
    const QString invalid = writeFile(QStringLiteral("bad.json"), QJsonDocument(programme).toJson());

    const Run published = hq({QStringLiteral("--db"), m_db, QStringLiteral("programme"), QStringLiteral("publish"),
                              good, QStringLiteral("--json")});
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    QCOMPARE(published.json.value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(QByteArray::fromBase64(published.json.value(QStringLiteral("signature")).toString().toLatin1()).size(),
             64);
    const Run refused =
        hq({QStringLiteral("--db"), m_db, QStringLiteral("programme"), QStringLiteral("publish"), older});
    QCOMPARE(refused.exitCode, 4);
    const Run broken =
        hq({QStringLiteral("--db"), m_db, QStringLiteral("programme"), QStringLiteral("publish"), invalid});
    QCOMPARE(broken.exitCode, 4);
    QVERIFY2(broken.err.contains(QLatin1String("$.version")), qPrintable(broken.err));
    QCOMPARE(hq({QStringLiteral("--db"), m_db, QStringLiteral("programme"), QStringLiteral("publish"),
                 m_dir->filePath(QStringLiteral("missing.json"))})
                 .exitCode,
             2);
}

void TestHqCommandLine::importMembers()
{
    const QString bad = writeFile(QStringLiteral("bad.csv"), "number,name,card_number\n1,Anna,\n1,Ben,\n2,,\n");
    const Run refused = hq({QStringLiteral("--db"), m_db, QStringLiteral("import"), QStringLiteral("members"), bad});
    QCOMPARE(refused.exitCode, 4);
    QVERIFY2(refused.err.contains(QLatin1String("Line 3:")) && refused.err.contains(QLatin1String("Line 4:")),
             qPrintable(refused.err));
    const QString good =
        writeFile(QStringLiteral("good.csv"), "number,name,card_number,points\n1,Anna,2000000000015,40\n");
    const Run imported = hq({QStringLiteral("--db"), m_db, QStringLiteral("import"), QStringLiteral("members"), good,
                             QStringLiteral("--json")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(imported.json, QJsonObject({{QStringLiteral("members"), 1},
                                         {QStringLiteral("cards"), 1},
                                         {QStringLiteral("opening_points"), 40}}));
    const Run stats = hq({QStringLiteral("stats"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QCOMPARE(stats.json.value(QStringLiteral("members")).toInteger(), 1);  // the refused file left nothing
}

void TestHqCommandLine::conflictsAndExpire()
{
    QVERIFY(hq({QStringLiteral("--db"), m_db, QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("3")})
                .exitCode == 0);
    const Run none = hq({QStringLiteral("conflicts"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(none.json, QJsonObject({{QStringLiteral("overdrafts"), QJsonArray()},
                                     {QStringLiteral("coupon_conflicts"), QJsonArray()}}));

    // An overdraft, as two offline tills would leave it.
    {
        QString error;
        auto database = openDatabase(m_db, &error);
        QVERIFY2(database, qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        FixedClock clock(now);
        HeadOffice office(*database, clock);
        const QString till = provisionTill(office, QStringLiteral("Till 1"));
        const QString member = sync::memberUuidForNumber(2);
        const auto pushed = office.push(
            till,
            QJsonArray{makeEvent(
                newId(), till, 1, QStringLiteral("sale.completed"),
                salePayload(newId(), member, QJsonArray{ledgerEntry(1, member, -100000, QStringLiteral("redeem"))}))});
        QVERIFY(pushed.ok());
        QCOMPARE(statuses(*pushed), QStringList{sync::kAccepted});
    }
    const Run found = hq({QStringLiteral("conflicts"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QCOMPARE(found.exitCode, 3);
    const QJsonArray overdrafts = found.json.value(QStringLiteral("overdrafts")).toArray();
    QCOMPARE(overdrafts.size(), 1);
    QCOMPARE(overdrafts.first().toObject().value(QStringLiteral("member_uuid")).toString(),
             sync::memberUuidForNumber(2));

    const Run expire = hq({QStringLiteral("expire"), QStringLiteral("--at"), QStringLiteral("2030-01-01T12:00"),
                           QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QVERIFY2(expire.exitCode == 0, qPrintable(expire.err));
    QCOMPARE(expire.json.value(QStringLiteral("day")).toString(), QStringLiteral("2030-01-01"));
    QCOMPARE(expire.json.value(QStringLiteral("entries")).toInteger(), 0);  // demo balances never expire

    // A till that never sent an audit entry has an empty, intact copy at head office.
    const Run audit = hq({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("no-such-till"),
                          QStringLiteral("--db"), m_db, QStringLiteral("--json")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
    QCOMPARE(audit.json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(audit.json.value(QStringLiteral("entries")).toInteger(), 0);
    QCOMPARE(audit.json.value(QStringLiteral("till_id")).toString(), QStringLiteral("no-such-till"));
}

void TestHqCommandLine::unreachablePostgresqlIsAStorageError()
{
    // A port nobody listens on (the discard port on loopback).
    const Run run =
        hq({QStringLiteral("--db"), QStringLiteral("postgresql://nobody@127.0.0.1:9/none"), QStringLiteral("stats")});
    QCOMPARE(run.exitCode, 5);
    QCOMPARE(hq({QStringLiteral("--db"), QStringLiteral("postgresql://"), QStringLiteral("stats")}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestHqCommandLine)
#include "TestHqCommandLine.moc"
