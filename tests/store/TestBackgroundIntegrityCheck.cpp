// The till's integrity check off the start path: after a clean shutdown the database opens at once
// and BackgroundIntegrityCheck finds a damaged page later (then the file is moved aside as at
// open); after an unclean shutdown (the log left beside the file) the check runs at open as before.
#include "core/CoreTestSupport.h"
#include "demo/DemoDataGenerator.h"
#include "store/BackgroundIntegrityCheck.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using namespace loyalty::test;

namespace {
bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Random bytes over one page in the middle of the file (page 1, the header and schema, stays intact).
QByteArray damageMiddlePage(QByteArray bytes, int pageSize)
{
    const qsizetype page = bytes.size() / pageSize / 2;
    QRandomGenerator random(4711);
    QByteArray noise(pageSize, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(noise.data()), pageSize / qsizetype(sizeof(quint32)));
    bytes.replace(page * pageSize, pageSize, noise);
    return bytes;
}
}  // namespace

class TestBackgroundIntegrityCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cleanShutdownDefersTheCheck();
    void backgroundCheckFindsADamagedPage();
    void uncleanShutdownChecksAtOpen();
    void secondOpenInThisProcessDoesNotCheckAgain();
    void cancelledCheckSaysNothing();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("till.db")); }
    QString expectedTarget() const { return path() + QStringLiteral(".quarantined-20261122-093000"); }
    Result<std::unique_ptr<Database>> openDeferred(const QString& at) const
    {
        return Database::open(at, *m_clock, Database::OpenMode::MustExist,
                              Database::IntegrityCheck::AfterUncleanShutdown);
    }

    QTemporaryDir m_template;
    QByteArray m_healthy;  // a cleanly closed demo till, made once
    int m_pageSize = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
};

void TestBackgroundIntegrityCheck::initTestCase()
{
    QVERIFY(m_template.isValid());
    const FixedClock clock(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    const QString file = m_template.filePath(QStringLiteral("till.db"));
    {
        auto opened = Database::open(file, clock);
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        DemoDataGenerator generator(**opened, clock);
        const auto summary = generator.generate(3000);
        QVERIFY2(summary.ok(), qPrintable(errorText(summary)));
        QSqlQuery query((*opened)->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")) && query.next());
        m_pageSize = query.value(0).toInt();
    }
    // The last connection closed cleanly: the log is checkpointed and gone.
    QVERIFY(!QFileInfo::exists(file + QStringLiteral("-wal")));
    m_healthy = fileBytes(file);
    QVERIFY(m_pageSize >= 512 && m_healthy.size() / m_pageSize > 50);
}

void TestBackgroundIntegrityCheck::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
}

void TestBackgroundIntegrityCheck::cleanup()
{
    m_dir.reset();
}

void TestBackgroundIntegrityCheck::cleanShutdownDefersTheCheck()
{
    QVERIFY(writeFile(path(), m_healthy));
    {
        auto opened = openDeferred(path());
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        QVERIFY((*opened)->integrityCheckPending());
        QCOMPARE(rowCount((*opened)->connection(), QStringLiteral("members")), 3000);

        BackgroundIntegrityCheck check(path());
        QSignalSpy healthy(&check, &BackgroundIntegrityCheck::healthy);
        QSignalSpy damaged(&check, &BackgroundIntegrityCheck::damaged);
        QSignalSpy failed(&check, &BackgroundIntegrityCheck::failed);
        QVERIFY(check.start());
        QVERIFY(!check.start());
        QVERIFY(healthy.wait(60'000));
        QCOMPARE(damaged.count(), 0);
        QCOMPARE(failed.count(), 0);
    }
    // The check at open is still the default for everyone else (loyalty-ctl, the tests).
    auto checked = Database::open(path(), *m_clock, Database::OpenMode::MustExist);
    QVERIFY2(checked.ok(), qPrintable(errorText(checked)));
    QVERIFY(!(*checked)->integrityCheckPending());
}

void TestBackgroundIntegrityCheck::backgroundCheckFindsADamagedPage()
{
    const QByteArray damagedBytes = damageMiddlePage(m_healthy, m_pageSize);
    QVERIFY(writeFile(path(), damagedBytes));

    QString finding;
    {
        // Cleanly closed last time: it opens without reading the whole file...
        auto opened = openDeferred(path());
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        QVERIFY((*opened)->integrityCheckPending());

        // ...and the check in the background, beside the open connection, finds the page.
        BackgroundIntegrityCheck check(path());
        QSignalSpy healthy(&check, &BackgroundIntegrityCheck::healthy);
        QSignalSpy damaged(&check, &BackgroundIntegrityCheck::damaged);
        QVERIFY(check.start());
        QVERIFY(damaged.wait(60'000));
        QCOMPARE(healthy.count(), 0);
        finding = damaged.first().first().toString();
        QVERIFY(!finding.isEmpty());
    }
    // What the till does with the finding once its connections are closed: the same quarantine as at open.
    const Error error = Database::quarantineDamaged(path(), finding, m_clock->now());
    QCOMPARE(int(error.code), int(Error::Code::Corrupt));
    QVERIFY2(error.message.contains(expectedTarget()) && error.message.contains(finding), qPrintable(error.message));
    QVERIFY(!QFileInfo::exists(path()));
    QVERIFY2(fileBytes(expectedTarget()) == damagedBytes, "the quarantined file differs from the damaged one");
}

void TestBackgroundIntegrityCheck::uncleanShutdownChecksAtOpen()
{
    // What a crash leaves: the file as it was and the log beside it (emptied by a checkpoint here,
    // so the damaged page below is not replaced by a newer copy in the log).
    QVERIFY(writeFile(path(), m_healthy));
    const QString crashed = m_dir->filePath(QStringLiteral("crashed.db"));
    {
        auto opened = Database::open(path(), *m_clock, Database::OpenMode::MustExist);
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        QSqlQuery checkpoint((*opened)->connection());
        QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        checkpoint.finish();
        QVERIFY(QFileInfo::exists(path() + QStringLiteral("-wal")));
        QVERIFY(QFile::copy(path() + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
        QVERIFY(writeFile(crashed, damageMiddlePage(fileBytes(path()), m_pageSize)));
    }
    const QByteArray damagedBytes = fileBytes(crashed);

    const auto opened = openDeferred(crashed);
    QVERIFY2(!opened.ok(), "a damaged database left by a crash was opened without its check");
    QCOMPARE(int(opened.error().code), int(Error::Code::Corrupt));
    const QString target = crashed + QStringLiteral(".quarantined-20261122-093000");
    QVERIFY2(opened.error().message.contains(target), qPrintable(opened.error().message));
    QVERIFY(!QFileInfo::exists(crashed));
    QVERIFY2(fileBytes(target) == damagedBytes, "the quarantined file differs from the damaged one");
}

void TestBackgroundIntegrityCheck::secondOpenInThisProcessDoesNotCheckAgain()
{
    QVERIFY(writeFile(path(), m_healthy));
    auto first = openDeferred(path());
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    QVERIFY((*first)->integrityCheckPending());
    // The log is there now, but it is this process's own: neither open reads the whole file again.
    QVERIFY(QFileInfo::exists(path() + QStringLiteral("-wal")));
    auto second = openDeferred(path());
    QVERIFY2(second.ok(), qPrintable(errorText(second)));
    QVERIFY(!(*second)->integrityCheckPending());
    auto third = Database::open(path(), *m_clock, Database::OpenMode::MustExist);
    QVERIFY2(third.ok(), qPrintable(errorText(third)));
    QVERIFY(!(*third)->integrityCheckPending());
}

void TestBackgroundIntegrityCheck::cancelledCheckSaysNothing()
{
    QVERIFY(writeFile(path(), damageMiddlePage(m_healthy, m_pageSize)));
    int answers = 0;
    {
        BackgroundIntegrityCheck check(path());
        connect(&check, &BackgroundIntegrityCheck::healthy, this, [&answers] { ++answers; });
        connect(&check, &BackgroundIntegrityCheck::damaged, this, [&answers] { ++answers; });
        connect(&check, &BackgroundIntegrityCheck::failed, this, [&answers] { ++answers; });
        QVERIFY(check.start());
        check.cancel();
    }  // waits for the thread
    QCoreApplication::processEvents();
    // Cancelled before or during the check, or done just before the cancel: never a late signal.
    QCOMPARE(answers, 0);
    QVERIFY(fileBytes(path()) == damageMiddlePage(m_healthy, m_pageSize));
}

QTEST_GUILESS_MAIN(TestBackgroundIntegrityCheck)
#include "TestBackgroundIntegrityCheck.moc"
