// Runs the real loyalty-ctl backup against a demo till: a consistent copy while another connection
// writes, never over an existing file, a copy the till opens, and a clear refusal for a folder it
// may not write to. Databases are read back with plain SQL, not through loyalty_core.
#include "CtlProcess.h"
#include "CtlRun.h"
#include "RawDatabase.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitNotFound = 2;
constexpr int kExitRefused = 4;
constexpr int kExitStorage = 5;
constexpr int kDemoMembers = 150;

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestBackupCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void backupIsConsistentWhileAnotherConnectionWrites();
    void existingTargetIsRefusedAndUntouched();
    void leftoverPartialFileIsRefusedAndUntouched();
    void copyOpensAsTheTill();
    void unwritableFolderIsRefusedWithoutLeftovers();
    void missingFolderAndMissingOutAreReported();

private:
    CtlRun ctlOn(const QString& db, const QStringList& arguments) const
    {
        return CtlProcess::run(m_dir->path(), QStringList{QStringLiteral("--db"), db} + arguments);
    }

    QTemporaryDir m_templateDir;
    QString m_template;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestBackupCommand::initTestCase()
{
    QVERIFY(m_templateDir.isValid());
    m_template = m_templateDir.filePath(QStringLiteral("template.db"));
    const CtlRun run =
        CtlProcess::run(m_templateDir.path(), {QStringLiteral("--db"), m_template, QStringLiteral("demo"),
                                               QStringLiteral("--members"), QString::number(kDemoMembers)});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
}

void TestBackupCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("till.db"));
    QVERIFY(QFile::copy(m_template, m_db));
}

void TestBackupCommand::backupIsConsistentWhileAnotherConnectionWrites()
{
    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    {
        RawDatabase writer(m_db);
        QVERIFY(writer.isOpen());
        QCOMPARE(writer.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QVERIFY(writer.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('test.committed', 'yes')")));
        // The other connection is in the middle of a write while the backup runs.
        QVERIFY(writer.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(writer.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('test.pending', 'yes')")));
        QVERIFY(writer.exec(QStringLiteral("DELETE FROM members WHERE id = 1")));

        const CtlRun run =
            ctlOn(m_db, {QStringLiteral("backup"), QStringLiteral("--out"), copy, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
        QVERIFY(writer.exec(QStringLiteral("COMMIT")));

        QJsonObject json;
        QVERIFY(run.json(json));
        QCOMPARE(json.value(QLatin1String("path")).toString(), QFileInfo(copy).absoluteFilePath());
        QCOMPARE(json.value(QLatin1String("bytes")).toInteger(), QFileInfo(copy).size());
        QCOMPARE(json.value(QLatin1String("schema_version")).toInt(),
                 writer.value(QStringLiteral("PRAGMA user_version")).toInt());
        QCOMPARE(json.value(QLatin1String("members")).toInt(), kDemoMembers);
    }
    QVERIFY(!QFileInfo::exists(copy + QStringLiteral(".partial")));

    RawDatabase backup(copy);
    QVERIFY(backup.isOpen());
    QCOMPARE(backup.value(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    QCOMPARE(backup.value(QStringLiteral("SELECT value FROM settings WHERE key = 'test.committed'")).toString(),
             QStringLiteral("yes"));
    // What was not committed when the copy was taken is not in it, all of it.
    QVERIFY(backup.value(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = 'test.pending'")).toInt() == 0);
    QCOMPARE(backup.value(QStringLiteral("SELECT COUNT(*) FROM members")).toInt(), kDemoMembers);
    RawDatabase source(m_db);
    QCOMPARE(source.value(QStringLiteral("SELECT COUNT(*) FROM members")).toInt(), kDemoMembers - 1);
    QCOMPARE(source.value(QStringLiteral("SELECT value FROM settings WHERE key = 'test.pending'")).toString(),
             QStringLiteral("yes"));
}

void TestBackupCommand::existingTargetIsRefusedAndUntouched()
{
    const QString target = m_dir->filePath(QStringLiteral("yesterday.db"));
    const QByteArray precious("yesterday's backup, not to be lost");
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(precious), qint64(precious.size()));
    }
    const CtlRun run = ctlOn(m_db, {QStringLiteral("backup"), QStringLiteral("--out"), target});
    QVERIFY2(run.exitCode == kExitRefused, run.describe().constData());
    QVERIFY2(run.errIsOneLine(), run.describe().constData());
    QVERIFY2(run.err.contains("exists already"), run.describe().constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(contentsOf(target), precious);
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".partial")));

    // A dangling symbolic link is refused as well: writing through it would create its target.
    const QString link = m_dir->filePath(QStringLiteral("link.db"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("nowhere.db")), link));
    const CtlRun linked = ctlOn(m_db, {QStringLiteral("backup"), QStringLiteral("--out"), link});
    QVERIFY2(linked.exitCode == kExitRefused, linked.describe().constData());
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("nowhere.db"))));
}

void TestBackupCommand::leftoverPartialFileIsRefusedAndUntouched()
{
    const QString target = m_dir->filePath(QStringLiteral("today.db"));
    const QString partial = target + QStringLiteral(".partial");
    const QByteArray leftover("an interrupted copy");
    {
        QFile file(partial);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(leftover), qint64(leftover.size()));
    }
    const CtlRun run = ctlOn(m_db, {QStringLiteral("backup"), QStringLiteral("--out"), target});
    QVERIFY2(run.exitCode == kExitRefused, run.describe().constData());
    QVERIFY2(run.err.contains(".partial"), run.describe().constData());
    QCOMPARE(contentsOf(partial), leftover);
    QVERIFY(!QFileInfo::exists(target));
}

void TestBackupCommand::copyOpensAsTheTill()
{
    const QString copy = m_dir->filePath(QStringLiteral("restore-me.db"));
    const CtlRun backup = ctlOn(m_db, {QStringLiteral("backup"), QStringLiteral("--out"), copy});
    QVERIFY2(backup.exitCode == kExitOk, backup.describe().constData());
    QVERIFY2(backup.out.contains(QFileInfo(copy).absoluteFilePath().toUtf8()), backup.describe().constData());
    QVERIFY2(backup.out.contains(QByteArray::number(kDemoMembers)), backup.describe().constData());

    // Restoring is putting the copy where the till expects its database: it opens, checks clean and
    // answers with the same balances as the original.
    const QString restored = m_dir->filePath(QStringLiteral("restored.db"));
    QVERIFY(QFile::copy(copy, restored));
    const CtlRun check = ctlOn(restored, {QStringLiteral("check")});
    QVERIFY2(check.exitCode == kExitOk, check.describe().constData());

    RawDatabase source(m_db);
    const QString card =
        source.value(QStringLiteral("SELECT number FROM cards WHERE state = 'active' ORDER BY number LIMIT 1"))
            .toString();
    QVERIFY(!card.isEmpty());
    const CtlRun original = ctlOn(m_db, {QStringLiteral("balance"), card, QStringLiteral("--json")});
    const CtlRun fromCopy = ctlOn(restored, {QStringLiteral("balance"), card, QStringLiteral("--json")});
    QVERIFY2(original.exitCode == kExitOk, original.describe().constData());
    QVERIFY2(fromCopy.exitCode == kExitOk, fromCopy.describe().constData());
    QCOMPARE(fromCopy.out, original.out);
    QCOMPARE(RawDatabase(restored).value(QStringLiteral("SELECT value FROM settings WHERE key = 'till.id'")),
             source.value(QStringLiteral("SELECT value FROM settings WHERE key = 'till.id'")));
}

void TestBackupCommand::unwritableFolderIsRefusedWithoutLeftovers()
{
    const QString folder = m_dir->filePath(QStringLiteral("read-only"));
    QVERIFY(QDir().mkdir(folder));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                              QFile::ReadOther | QFile::ExeOther));
    const QString target = folder + QStringLiteral("/till.db");

    QStringList command{QStringLiteral(LOYALTY_CTL_PATH), QStringLiteral("--db"),  m_db,
                        QStringLiteral("backup"),         QStringLiteral("--out"), target};
    if (::geteuid() == 0) {
        // Root writes anywhere; run as nobody, who may use the till database but not the folder.
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        QVERIFY2(!setpriv.isEmpty(), "setpriv (util-linux) is needed to run as another user");
        const auto everyone = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                              QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther |
                              QFile::ExeOther;
        QVERIFY(QFile::setPermissions(m_dir->path(), everyone));
        QVERIFY(QFile::setPermissions(m_db, everyone));
        // The build tree may sit where nobody cannot reach it (a private CI folder): run a copy.
        const QString ctl = m_dir->filePath(QStringLiteral("loyalty-ctl"));
        QVERIFY(QFile::copy(QStringLiteral(LOYALTY_CTL_PATH), ctl));
        QVERIFY(QFile::setPermissions(ctl, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        command[0] = ctl;
        command = QStringList{setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                              QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                  command;
    }
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    process.start(command.first(), command.mid(1));
    QVERIFY(process.waitForFinished(120'000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit, qPrintable(process.errorString()));
    CtlRun run;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();

    QVERIFY2(run.exitCode == kExitStorage, run.describe().constData());
    QVERIFY2(run.errIsOneLine(), run.describe().constData());
    QVERIFY2(run.err.contains("cannot be written to the folder"), run.describe().constData());
    QVERIFY2(run.err.contains(folder.toUtf8()), run.describe().constData());
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(target + QStringLiteral(".partial")));
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestBackupCommand::missingFolderAndMissingOutAreReported()
{
    const QString target = m_dir->filePath(QStringLiteral("no-such-folder/till.db"));
    const CtlRun missing = ctlOn(m_db, {QStringLiteral("backup"), QStringLiteral("--out"), target});
    QVERIFY2(missing.exitCode == kExitNotFound, missing.describe().constData());
    QVERIFY2(missing.err.contains("does not exist"), missing.describe().constData());
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("no-such-folder"))));

    const CtlRun usage = ctlOn(m_db, {QStringLiteral("backup")});
    QVERIFY2(usage.exitCode == kExitUsage, usage.describe().constData());
    QVERIFY2(usage.err.contains("--out"), usage.describe().constData());

    const CtlRun noDatabase =
        ctlOn(m_dir->filePath(QStringLiteral("absent.db")),
              {QStringLiteral("backup"), QStringLiteral("--out"), m_dir->filePath(QStringLiteral("x.db"))});
    QVERIFY2(noDatabase.exitCode == kExitNotFound, noDatabase.describe().constData());
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("x.db"))));
}

QTEST_GUILESS_MAIN(TestBackupCommand)
#include "TestBackupCommand.moc"
