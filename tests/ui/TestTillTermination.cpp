// loyalty-till under SIGTERM, SIGINT and SIGHUP (a kill, Ctrl+C, the session's logout): the real
// binary (offscreen) quits through its event loop with exit code 0, every connection closes and
// SQLite removes the -wal log, so the next start sees a clean shutdown and skips the integrity
// check at open (Database::IntegrityCheck::AfterUncleanShutdown).
#include "demo/DemoDataGenerator.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace loyalty;

class TestTillTermination final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSignalQuitsCleanly_data();
    void aSignalQuitsCleanly();
};

void TestTillTermination::aSignalQuitsCleanly_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGINT") << SIGINT;
    QTest::newRow("SIGHUP") << SIGHUP;
}

void TestTillTermination::aSignalQuitsCleanly()
{
    QFETCH(int, signalNumber);
    QVERIFY2(QFileInfo(QStringLiteral(LOYALTY_TILL_PATH)).isExecutable(), LOYALTY_TILL_PATH);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("till.db"));
    const FixedClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    {
        auto opened = Database::open(path, clock);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QVERIFY(DemoDataGenerator(**opened, clock).generate(50).ok());
    }
    QVERIFY2(!QFileInfo::exists(path + QStringLiteral("-wal")), "the demo database was not closed cleanly");

    QProcess till;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // "ready" once started; then the till waits for stdin to close, its event loop running.
    environment.insert(QStringLiteral("LOYALTY_TILL_EXIT_WHEN_READY"), QStringLiteral("1"));
    // No preferences of this machine's user (QSettings) reach the test.
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    till.setProcessEnvironment(environment);
    till.setProcessChannelMode(QProcess::SeparateChannels);
    till.start(QStringLiteral(LOYALTY_TILL_PATH), {QStringLiteral("--db"), path});
    QVERIFY2(till.waitForStarted(10000), qPrintable(till.errorString()));
    QByteArray output;
    while (!output.contains("ready\n") && till.state() == QProcess::Running) {
        if (!till.waitForReadyRead(60000))
            break;
        output += till.readAllStandardOutput();
    }
    QVERIFY2(output.contains("ready\n"), qPrintable(QString::fromLocal8Bit(till.readAllStandardError())));
    // The log exists while the till has the database open: its absence afterwards means something.
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));

    QCOMPARE(::kill(pid_t(till.processId()), signalNumber), 0);
    QVERIFY2(till.waitForFinished(60000), "loyalty-till did not quit on the signal");
    const QString errors = QString::fromLocal8Bit(till.readAllStandardError());
    QVERIFY2(till.exitStatus() == QProcess::NormalExit, qPrintable(errors));
    QVERIFY2(till.exitCode() == 0, qPrintable(errors));
    QVERIFY2(!QFileInfo::exists(path + QStringLiteral("-wal")), qPrintable(errors));
    QVERIFY2(!QFileInfo::exists(path + QStringLiteral("-journal")), qPrintable(errors));

    auto reopened =
        Database::open(path, clock, Database::OpenMode::MustExist, Database::IntegrityCheck::AfterUncleanShutdown);
    QVERIFY2(reopened.ok(), reopened.ok() ? "" : qPrintable(reopened.error().message));
    QVERIFY2((*reopened)->integrityCheckPending(), "the next start took it for an unclean shutdown");
}

QTEST_GUILESS_MAIN(TestTillTermination)
#include "TestTillTermination.moc"
