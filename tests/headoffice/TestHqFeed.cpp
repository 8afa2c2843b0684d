// The change feed: pages in order, a cursor that resumes exactly, the asking till's own changes
// left out while the cursor moves past them, and cursors head office never gave refused.
#include "HqTestSupport.h"
#include "admin/HqDemo.h"
#include "feed/ChangeFeed.h"
#include "time/FixedClock.h"

#include <QSet>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

class TestHqFeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pagesCoverEverythingOnceInOrder();
    void ownChangesAreLeftOutButPassed();
    void limitIsClamped();
    void badCursorsAreRefused_data();
    void badCursorsAreRefused();
    void cursorRoundTrips();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<HqDatabase> m_database;
    std::unique_ptr<HeadOffice> m_office;
};

void TestHqFeed::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    QString text;
    LOYALTY_OPEN_TEST_HQ(*m_dir, text, m_database);
    m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
}

void TestHqFeed::cleanup()
{
    m_office.reset();
    m_database.reset();
    m_dir.reset();
}

void TestHqFeed::pagesCoverEverythingOnceInOrder()
{
    QVERIFY(HqDemo(*m_database, *m_clock).generate(50).ok());
    const QString till = provisionTill(*m_office, QStringLiteral("Till 1"));
    const qint64 total = scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes"));
    QCOMPARE(total, 300 + 1 + 50 * 3);  // products, the programme, members with card and opening balance

    QString cursor;
    qint64 seen = 0;
    QSet<QString> members;
    int pages = 0;
    bool more = true;
    while (more) {
        const auto page = m_office->changes(till, cursor, 40);
        QVERIFY2(page.ok(), qPrintable(errorText(page)));
        QVERIFY(page->changes.size() <= 40);
        seen += page->changes.size();
        QCOMPARE(page->remaining, total - seen);
        for (const QJsonValue& change : page->changes) {
            const QJsonObject object = change.toObject();
            if (object.value(QStringLiteral("kind")).toString() == sync::kMemberChange)
                members.insert(
                    object.value(QStringLiteral("data")).toObject().value(QStringLiteral("uuid")).toString());
            if (object.value(QStringLiteral("kind")).toString() == sync::kCardChange) {
                // A card never comes before its member.
                QVERIFY(members.contains(
                    object.value(QStringLiteral("data")).toObject().value(QStringLiteral("member_uuid")).toString()));
            }
        }
        more = page->more;
        cursor = page->cursor;
        QVERIFY(++pages < 100);
    }
    QCOMPARE(seen, total);
    QCOMPARE(members.size(), 50);
    // At the end: an empty page, the same cursor.
    const auto after = m_office->changes(till, cursor, 40);
    QVERIFY(after.ok());
    QCOMPARE(after->changes.size(), 0);
    QCOMPARE(after->cursor, cursor);
    QVERIFY(!after->more);
}

void TestHqFeed::ownChangesAreLeftOutButPassed()
{
    QVERIFY(HqDemo(*m_database, *m_clock).generate(3).ok());
    const QString one = provisionTill(*m_office, QStringLiteral("Till 1"));
    const QString two = provisionTill(*m_office, QStringLiteral("Till 2"));
    const auto start = m_office->changes(one, QString(), 5000);
    QVERIFY(start.ok());
    QVERIFY(!start->more);
    const QString cursorOne = start->cursor;
    const auto startTwo = m_office->changes(two, QString(), 5000);
    QVERIFY(startTwo.ok());
    const QString cursorTwo = startTwo->cursor;

    // Till one sells three times: its own changes go to till two only.
    QJsonArray batch;
    for (int i = 1; i <= 3; ++i) {
        const QString member = sync::memberUuidForNumber(i);
        batch.append(makeEvent(newId(), one, i, QStringLiteral("sale.completed"),
                               salePayload(newId(), member, QJsonArray{ledgerEntry(1, member, 10 * i)})));
    }
    QVERIFY(m_office->push(one, batch).ok());
    const auto ownPage = m_office->changes(one, cursorOne, 2);
    QVERIFY(ownPage.ok());
    QCOMPARE(ownPage->changes.size(), 0);
    QCOMPARE(ownPage->remaining, 0);
    QVERIFY(!ownPage->more);
    QVERIFY(ownPage->cursor != cursorOne);  // moved past them

    const auto otherPage = m_office->changes(two, cursorTwo, 2);
    QVERIFY(otherPage.ok());
    QCOMPARE(otherPage->changes.size(), 2);
    QCOMPARE(otherPage->remaining, 4);  // 3 ledger + 3 sale changes in all
    QVERIFY(otherPage->more);
}

void TestHqFeed::limitIsClamped()
{
    QVERIFY(HqDemo(*m_database, *m_clock).generate(2000).ok());
    const auto page = m_office->changes(QStringLiteral("nobody"), QString(), 1'000'000);
    QVERIFY(page.ok());
    QCOMPARE(page->changes.size(), sync::kMaxChangesLimit);
    QVERIFY(page->more);
    const auto one = m_office->changes(QStringLiteral("nobody"), QString(), 0);
    QVERIFY(one.ok());
    QCOMPARE(one->changes.size(), 1);
}

void TestHqFeed::badCursorsAreRefused_data()
{
    QTest::addColumn<QString>("cursor");
    QTest::newRow("garbage") << QStringLiteral("not a cursor!");
    QTest::newRow("base64 of something else") << QString::fromLatin1(QByteArrayLiteral("hello").toBase64());
    QTest::newRow("negative") << QString::fromLatin1(
        QByteArrayLiteral("c1:-5").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::newRow("beyond the feed") << ChangeFeed::encodeCursor(1'000'000);
}

void TestHqFeed::badCursorsAreRefused()
{
    QFETCH(QString, cursor);
    QVERIFY(HqDemo(*m_database, *m_clock).generate(1).ok());
    const auto page = m_office->changes(QStringLiteral("nobody"), cursor, 10);
    QVERIFY(!page.ok());
    QCOMPARE(page.error().code, Error::Code::InvalidInput);
    QCOMPARE(page.error().reason, QStringLiteral("bad_cursor"));
}

void TestHqFeed::cursorRoundTrips()
{
    for (const qint64 seq : {qint64(0), qint64(1), qint64(999), qint64(123456789012)})
        QCOMPARE(ChangeFeed::decodeCursor(ChangeFeed::encodeCursor(seq)), std::optional<qint64>(seq));
    QCOMPARE(ChangeFeed::decodeCursor(QString()), std::optional<qint64>(0));
}

QTEST_GUILESS_MAIN(TestHqFeed)
#include "TestHqFeed.moc"
