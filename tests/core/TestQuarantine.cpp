// A damaged till database is moved aside byte for byte and reported, never repaired or deleted;
// a healthy one is left alone.
#include "CoreTestSupport.h"
#include "demo/DemoDataGenerator.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using namespace loyalty::test;

namespace {
QByteArray garbage(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), size / qsizetype(sizeof(quint32)));
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}
}  // namespace

class TestQuarantine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void garbageFileIsQuarantined();
    void damagedPagesAreQuarantined_data();
    void damagedPagesAreQuarantined();
    void secondQuarantineAtTheSameSecondKeepsBoth();
    void healthyDatabaseIsNotTouched();
    void mustExistOnMissingFileCreatesNothing();
    void missingFolderIsReported();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("till.db")); }
    QString expectedTarget() const { return path() + QStringLiteral(".quarantined-20261122-093000"); }
    QStringList files() const { return QDir(m_dir->path()).entryList(QDir::Files, QDir::Name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
};

void TestQuarantine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
}

void TestQuarantine::cleanup()
{
    m_dir.reset();
}

void TestQuarantine::garbageFileIsQuarantined()
{
    const QByteArray bytes = garbage(64 * 1024, 4711);
    QVERIFY(writeFile(path(), bytes));

    const auto opened = Database::open(path(), *m_clock);
    QVERIFY(!opened.ok());
    QCOMPARE(int(opened.error().code), int(Error::Code::Corrupt));
    QVERIFY2(opened.error().message.contains(expectedTarget()), qPrintable(opened.error().message));

    QVERIFY(!QFileInfo::exists(path()));
    QVERIFY(QFileInfo::exists(expectedTarget()));
    QVERIFY2(fileBytes(expectedTarget()) == bytes, "the quarantined file differs from the damaged one");
    QCOMPARE(files(), QStringList{QFileInfo(expectedTarget()).fileName()});
}

void TestQuarantine::damagedPagesAreQuarantined_data()
{
    QTest::addColumn<int>("firstPage");
    QTest::addColumn<int>("lastPage");

    // Page numbers count from 1; page 1 holds the header and the schema and is kept intact.
    QTest::newRow("pages 2..4 (table roots)") << 2 << 4;
    QTest::newRow("a page in the middle") << -1 << -1;
}

void TestQuarantine::damagedPagesAreQuarantined()
{
    QFETCH(int, firstPage);
    QFETCH(int, lastPage);

    int pageSize = 0;
    {
        auto opened = Database::open(path(), *m_clock);
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        DemoDataGenerator generator(**opened, *m_clock);
        const auto summary = generator.generate(3000);
        QVERIFY2(summary.ok(), qPrintable(errorText(summary)));
        QSqlQuery query((*opened)->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")) && query.next());
        pageSize = query.value(0).toInt();
    }
    // Closing the last connection checkpoints the log into the main file and removes it.
    QCOMPARE(files(), QStringList{QStringLiteral("till.db")});
    QVERIFY(pageSize >= 512);

    QByteArray bytes = fileBytes(path());
    const qsizetype pages = bytes.size() / pageSize;
    QVERIFY2(pages > 50, qPrintable(QString::number(pages)));
    if (firstPage < 0) {
        firstPage = int(pages / 2);
        lastPage = firstPage;
    }
    const QByteArray header = bytes.left(100);
    const QByteArray noise = garbage(qsizetype(lastPage - firstPage + 1) * pageSize, 1234 + quint32(firstPage));
    bytes.replace(qsizetype(firstPage - 1) * pageSize, noise.size(), noise);
    QCOMPARE(bytes.left(100), header);
    QVERIFY(writeFile(path(), bytes));

    const auto opened = Database::open(path(), *m_clock);
    QVERIFY2(!opened.ok(), "a damaged database was opened as if healthy");
    QCOMPARE(int(opened.error().code), int(Error::Code::Corrupt));
    QVERIFY2(opened.error().message.contains(expectedTarget()), qPrintable(opened.error().message));
    QVERIFY(!QFileInfo::exists(path()));
    QVERIFY2(fileBytes(expectedTarget()) == bytes, "the quarantined file differs from the damaged one");

    // The till can start over with a new database while the damaged one stays for inspection.
    {
        auto fresh = Database::open(path(), *m_clock);
        QVERIFY2(fresh.ok(), qPrintable(errorText(fresh)));
        QCOMPARE(rowCount((*fresh)->connection(), QStringLiteral("members")), 0);
    }
    QVERIFY(fileBytes(expectedTarget()) == bytes);
}

void TestQuarantine::secondQuarantineAtTheSameSecondKeepsBoth()
{
    const QByteArray first = garbage(8192, 1);
    const QByteArray second = garbage(8192, 2);
    QVERIFY(first != second);

    QVERIFY(writeFile(path(), first));
    const auto firstOpen = Database::open(path(), *m_clock);
    QVERIFY(!firstOpen.ok());
    QCOMPARE(int(firstOpen.error().code), int(Error::Code::Corrupt));

    QVERIFY(writeFile(path(), second));
    const auto secondOpen = Database::open(path(), *m_clock);  // the clock has not moved
    QVERIFY(!secondOpen.ok());
    QCOMPARE(int(secondOpen.error().code), int(Error::Code::Corrupt));

    const QString secondTarget = expectedTarget() + QStringLiteral("-2");
    QVERIFY2(secondOpen.error().message.contains(secondTarget), qPrintable(secondOpen.error().message));
    QVERIFY2(fileBytes(expectedTarget()) == first, "the first quarantined file was overwritten");
    QVERIFY2(fileBytes(secondTarget) == second, "the second quarantined file is not the second damaged one");
    QCOMPARE(files(), QStringList({QFileInfo(expectedTarget()).fileName(), QFileInfo(secondTarget).fileName()}));
}

void TestQuarantine::healthyDatabaseIsNotTouched()
{
    {
        auto opened = Database::open(path(), *m_clock);
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        DemoDataGenerator generator(**opened, *m_clock);
        QVERIFY(generator.generate(500).ok());
    }
    const QByteArray before = fileBytes(path());
    for (int round = 0; round < 3; ++round) {
        auto opened = Database::open(path(), *m_clock, Database::OpenMode::MustExist);
        QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
        QVERIFY((*opened)->integrityProblems().isEmpty());
        QCOMPARE(rowCount((*opened)->connection(), QStringLiteral("members")), 500);
    }
    QCOMPARE(files(), QStringList{QStringLiteral("till.db")});
    QVERIFY2(fileBytes(path()) == before, "opening a healthy database changed its file");
}

void TestQuarantine::mustExistOnMissingFileCreatesNothing()
{
    const auto opened = Database::open(path(), *m_clock, Database::OpenMode::MustExist);
    QVERIFY(!opened.ok());
    QCOMPARE(int(opened.error().code), int(Error::Code::NotFound));
    QVERIFY2(opened.error().message.contains(path()), qPrintable(opened.error().message));
    QVERIFY(!QFileInfo::exists(path()));
    QVERIFY(files().isEmpty());
}

void TestQuarantine::missingFolderIsReported()
{
    const QString inMissingFolder = m_dir->filePath(QStringLiteral("no-such-folder/till.db"));
    const auto opened = Database::open(inMissingFolder, *m_clock);
    QVERIFY(!opened.ok());
    QCOMPARE(int(opened.error().code), int(Error::Code::NotFound));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("no-such-folder"))));
}

QTEST_GUILESS_MAIN(TestQuarantine)
#include "TestQuarantine.moc"
