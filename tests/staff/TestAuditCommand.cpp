// loyalty-ctl's audit and staff commands, run as the real binary: staff add reads the PIN from
// standard input (and refuses it on the command line), audit verify exits 0 on an intact log and 7
// after an attacker with the file edited or deleted entries, naming the first bad one.
#include "TestPaths.h"
#include "ctl/CtlRun.h"
#include "ctl/RawDatabase.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitRefused = 4;
constexpr int kExitTampered = 7;

}  // namespace

class TestAuditCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void staffAddReadsThePinFromStandardInput();
    void staffAddRefusesBadInput();
    void auditListShowsTheEntries();
    void verifyPassesAnIntactLog();
    void verifyCatchesAnEditedEntry();
    void verifyCatchesDeletedNewestEntry();
    void auditNeedsAnAction();

private:
    CtlRun ctl(const QStringList& arguments, const QByteArray& input = {}) const;
    QString tamperedCopy(const QString& name, const QStringList& statements) const;

    QTemporaryDir m_dir;
    QString m_path;
};

CtlRun TestAuditCommand::ctl(const QStringList& arguments, const QByteArray& input) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(LOYALTY_CTL_PATH), arguments);
    CtlRun run;
    if (!process.waitForStarted(30'000)) {
        run.err = "loyalty-ctl did not start: " + process.errorString().toUtf8();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit) {
        run.err = "loyalty-ctl did not finish normally: " + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

void TestAuditCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("till.db"));
    const FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC));
    QVERIFY(Database::open(m_path, clock).ok());  // a new till, closed again
    const CtlRun manager =
        ctl({QStringLiteral("--db"), m_path, QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Mara"), QStringLiteral("--role"), QStringLiteral("manager"), QStringLiteral("--json")},
            "2580\n");
    QVERIFY2(manager.exitCode == kExitOk, manager.describe().constData());
    QJsonObject added;
    QVERIFY(manager.json(added));
    QCOMPARE(added.value(QStringLiteral("name")).toString(), QStringLiteral("Mara"));
    QCOMPARE(added.value(QStringLiteral("role")).toString(), QStringLiteral("manager"));
    const CtlRun cashier =
        ctl({QStringLiteral("--db"), m_path, QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Carl"), QStringLiteral("--role"), QStringLiteral("cashier")},
            "7193");  // no line end: the end of input ends the line
    QVERIFY2(cashier.exitCode == kExitOk, cashier.describe().constData());
    QVERIFY(cashier.out.contains("Carl"));
}

void TestAuditCommand::staffAddReadsThePinFromStandardInput()
{
    const CtlRun list = ctl(
        {QStringLiteral("--db"), m_path, QStringLiteral("staff"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == kExitOk, list.describe().constData());
    QJsonObject json;
    QVERIFY(list.json(json));
    const QJsonArray staff = json.value(QStringLiteral("staff")).toArray();
    QCOMPARE(staff.size(), 2);
    QCOMPARE(staff.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Carl"));
    QCOMPARE(staff.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("cashier"));
    QCOMPARE(staff.at(1).toObject().value(QStringLiteral("active")).toBool(), true);
    QVERIFY(!list.out.contains("pin"));
    const RawDatabase raw(m_path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM staff WHERE kdf = 'pbkdf2-sha256:600000'"
                                      " AND length(pin_hash) = 32 AND length(pin_salt) = 16"))
                 .toInt(),
             2);
    // The text form lists both accounts as well.
    const CtlRun text = ctl({QStringLiteral("--db"), m_path, QStringLiteral("staff"), QStringLiteral("list")});
    QCOMPARE(text.exitCode, kExitOk);
    QVERIFY(text.out.contains("Mara"));
    QVERIFY(text.out.contains("manager"));
}

void TestAuditCommand::staffAddRefusesBadInput()
{
    const QStringList add{QStringLiteral("--db"),   m_path,
                          QStringLiteral("staff"),  QStringLiteral("add"),
                          QStringLiteral("--name"), QStringLiteral("Eve"),
                          QStringLiteral("--role"), QStringLiteral("cashier")};
    // A PIN on the command line is not an option staff add has.
    const CtlRun onCommandLine = ctl(add + QStringList{QStringLiteral("--pin"), QStringLiteral("4826")}, "4826\n");
    QCOMPARE(onCommandLine.exitCode, kExitUsage);
    QVERIFY(onCommandLine.errIsOneLine());
    const CtlRun noPin = ctl(add);
    QCOMPARE(noPin.exitCode, kExitRefused);
    QVERIFY(noPin.errIsOneLine());
    const CtlRun trivial = ctl(add, "5555\n");
    QCOMPARE(trivial.exitCode, kExitRefused);
    QVERIFY(!trivial.err.contains("5555"));  // the PIN is never echoed
    const CtlRun role =
        ctl({QStringLiteral("--db"), m_path, QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Eve"), QStringLiteral("--role"), QStringLiteral("boss")},
            "4826\n");
    QCOMPARE(role.exitCode, kExitUsage);
    const CtlRun taken =
        ctl({QStringLiteral("--db"), m_path, QStringLiteral("staff"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("mara"), QStringLiteral("--role"), QStringLiteral("cashier")},
            "4826\n");
    QCOMPARE(taken.exitCode, kExitRefused);
    QCOMPARE(RawDatabase(m_path).value(QStringLiteral("SELECT count(*) FROM staff")).toInt(), 2);
}

void TestAuditCommand::auditListShowsTheEntries()
{
    const CtlRun list = ctl({QStringLiteral("--db"), m_path, QStringLiteral("audit"), QStringLiteral("list"),
                             QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == kExitOk, list.describe().constData());
    QJsonObject json;
    QVERIFY(list.json(json));
    const QJsonArray entries = json.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject newest = entries.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("seq")).toInt(), 2);
    QCOMPARE(newest.value(QStringLiteral("action")).toString(), QStringLiteral("staff.added"));
    QCOMPARE(newest.value(QStringLiteral("staff_name")).toString(), QStringLiteral("administrator (loyalty-ctl)"));
    QVERIFY(newest.value(QStringLiteral("staff_id")).isNull());
    QCOMPARE(newest.value(QStringLiteral("after")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Carl"));
    const CtlRun text = ctl({QStringLiteral("--db"), m_path, QStringLiteral("audit"), QStringLiteral("list")});
    QCOMPARE(text.exitCode, kExitOk);
    QCOMPARE(text.out.count("staff.added"), 2);
}

QString TestAuditCommand::tamperedCopy(const QString& name, const QStringList& statements) const
{
    const QString copy = m_dir.filePath(name);
    if (!QFile::copy(m_path, copy))
        return {};
    const RawDatabase raw(copy);
    // As an attacker with the file would: the append-only triggers go first.
    if (!raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")) ||
        !raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_delete")))
        return {};
    for (const QString& statement : statements) {
        if (!raw.exec(statement))
            return {};
    }
    return copy;
}

void TestAuditCommand::verifyPassesAnIntactLog()
{
    const CtlRun text = ctl({QStringLiteral("--db"), m_path, QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(text.exitCode == kExitOk, text.describe().constData());
    QVERIFY(text.err.isEmpty());
    const CtlRun json = ctl(
        {QStringLiteral("--db"), m_path, QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, kExitOk);
    QJsonObject result;
    QVERIFY(json.json(result));
    QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(result.value(QStringLiteral("entries")).toInt(), 2);
    QCOMPARE(result.value(QStringLiteral("problem")).toString(), QStringLiteral("ok"));
}

void TestAuditCommand::verifyCatchesAnEditedEntry()
{
    const QString copy = tamperedCopy(
        QStringLiteral("edited.db"),
        {QStringLiteral("UPDATE audit_log SET after = replace(after, 'manager', 'cashier') WHERE seq = 1")});
    QVERIFY(!copy.isEmpty());
    const CtlRun text = ctl({QStringLiteral("--db"), copy, QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(text.exitCode == kExitTampered, text.describe().constData());
    QVERIFY(text.out.contains("staff.added"));  // the first bad entry as it is stored now
    const CtlRun json = ctl(
        {QStringLiteral("--db"), copy, QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, kExitTampered);
    QJsonObject result;
    QVERIFY(json.json(result));
    QCOMPARE(result.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(result.value(QStringLiteral("problem")).toString(), QStringLiteral("edited"));
    QCOMPARE(result.value(QStringLiteral("first_bad_seq")).toInt(), 1);
    QCOMPARE(result.value(QStringLiteral("entry")).toObject().value(QStringLiteral("seq")).toInt(), 1);
    QVERIFY(!result.value(QStringLiteral("message")).toString().isEmpty());
}

void TestAuditCommand::verifyCatchesDeletedNewestEntry()
{
    const QString copy =
        tamperedCopy(QStringLiteral("deleted.db"), {QStringLiteral("DELETE FROM audit_log WHERE seq = 2")});
    QVERIFY(!copy.isEmpty());
    const CtlRun json = ctl(
        {QStringLiteral("--db"), copy, QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == kExitTampered, json.describe().constData());
    QJsonObject result;
    QVERIFY(json.json(result));
    QCOMPARE(result.value(QStringLiteral("problem")).toString(), QStringLiteral("head_mismatch"));
    QCOMPARE(result.value(QStringLiteral("first_bad_seq")).toInt(), 2);
}

void TestAuditCommand::auditNeedsAnAction()
{
    const CtlRun bare = ctl({QStringLiteral("--db"), m_path, QStringLiteral("audit")});
    QCOMPARE(bare.exitCode, kExitUsage);
    QVERIFY(bare.errIsOneLine());
    const CtlRun help = ctl({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, kExitOk);
    QVERIFY(help.out.contains("audit verify"));
    QVERIFY(help.out.contains("staff add"));
    QVERIFY(help.out.contains("7  tampered"));
}

QTEST_GUILESS_MAIN(TestAuditCommand)
#include "TestAuditCommand.moc"
