// The demo shop generator: reproducible for a seed, valid card and product codes, and it never
// writes into a database that already holds data.
#include "CoreTestSupport.h"
#include "barcode/Gtin.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoDataGenerator.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/FixedClock.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QString kMembersDump = QStringLiteral("SELECT * FROM members ORDER BY id");
const QString kCardsDump = QStringLiteral("SELECT * FROM cards ORDER BY number");
const QString kProductsDump = QStringLiteral("SELECT * FROM products ORDER BY id");
const QString kOpeningDump =
    QStringLiteral("SELECT member_id, kind, points, reason, created_at FROM ledger_entries ORDER BY id");
}  // namespace

class TestDemoData final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void documentedCardNumbers();
    void sameSeedGivesTheSameShop();
    void anotherSeedGivesAnotherShop();
    void countsMatchTheSummary();
    void cardNumbersAreValidEan13InTheCardRange();
    void productsFollowTheCatalogue();
    void openingBalancesAreNonNegative();
    void membersCarryHeadOfficesKeys();
    void demoCardsAndProductsScan();
    void refusesANonEmptyDatabase();
    void refusesABadMemberCount_data();
    void refusesABadMemberCount();

private:
    std::unique_ptr<Database> openDatabase(const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
};

void TestDemoData::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
}

void TestDemoData::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Database> TestDemoData::openDatabase(const QString& name)
{
    auto opened = Database::open(m_dir->filePath(name), *m_clock);
    if (!opened.ok()) {
        qWarning("%s", qPrintable(opened.error().message));
        return {};
    }
    return std::move(opened).value();
}

void TestDemoData::documentedCardNumbers()
{
    // The examples in DemoDataGenerator.h and the cashier guide.
    QCOMPARE(DemoDataGenerator::cardNumberFor(12345), QStringLiteral("2000000123455"));
    QCOMPARE(DemoDataGenerator::cardNumberFor(1), QStringLiteral("2000000000015"));
    QCOMPARE(DemoDataGenerator::blockedCardNumberFor(1000), QStringLiteral("2000900010008"));
    QCOMPARE(DemoDataGenerator::productEanFor(0), QStringLiteral("4006381000000"));
    QCOMPARE(DemoDataGenerator::productEanFor(9), QStringLiteral("41000090"));
    QVERIFY(DemoDataGenerator::cardNumberFor(1000) != DemoDataGenerator::blockedCardNumberFor(1000));
}

void TestDemoData::sameSeedGivesTheSameShop()
{
    QStringList dumps[2][4];
    for (int copy = 0; copy < 2; ++copy) {
        const auto database = openDatabase(QStringLiteral("copy%1.db").arg(copy));
        QVERIFY(database);
        DemoDataGenerator generator(*database, *m_clock, 777);
        QVERIFY(generator.generate(1500).ok());
        const RawConnection raw(database->path());
        dumps[copy][0] = raw.rows(kMembersDump);
        dumps[copy][1] = raw.rows(kCardsDump);
        dumps[copy][2] = raw.rows(kProductsDump);
        dumps[copy][3] = raw.rows(kOpeningDump);
    }
    QCOMPARE(dumps[0][0].size(), 1500);
    QCOMPARE(dumps[0][1].size(), 1501);
    QCOMPARE(dumps[0][2].size(), 300);
    QCOMPARE(dumps[0][3].size(), 1500);
    for (int table = 0; table < 4; ++table)
        QCOMPARE(dumps[1][table], dumps[0][table]);
}

void TestDemoData::anotherSeedGivesAnotherShop()
{
    // Shows the comparison above can fail: another seed gives other names and prices, same codes.
    QStringList members[2];
    QStringList cards[2];
    QStringList prices[2];
    const quint32 seeds[2] = {777, 778};
    for (int copy = 0; copy < 2; ++copy) {
        const auto database = openDatabase(QStringLiteral("seed%1.db").arg(copy));
        QVERIFY(database);
        DemoDataGenerator generator(*database, *m_clock, seeds[copy]);
        QVERIFY(generator.generate(200).ok());
        const RawConnection raw(database->path());
        members[copy] = raw.rows(QStringLiteral("SELECT name, email, phone, enrolled_at FROM members ORDER BY id"));
        cards[copy] = raw.rows(QStringLiteral("SELECT number, member_id FROM cards ORDER BY number"));
        prices[copy] = raw.rows(QStringLiteral("SELECT price_minor FROM products ORDER BY id"));
    }
    QVERIFY(members[0] != members[1]);
    QVERIFY(prices[0] != prices[1]);
    QCOMPARE(cards[0], cards[1]);  // card numbers follow the member number, not the seed
}

void TestDemoData::countsMatchTheSummary()
{
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    DemoDataGenerator generator(*database, *m_clock);
    const auto summary = generator.generate(2500);
    QVERIFY2(summary.ok(), qPrintable(errorText(summary)));
    QCOMPARE(summary->members, 2500);
    QCOMPARE(summary->cards, 2502);  // members 1000 and 2000 also hold a blocked card
    QCOMPARE(summary->products, 300);
    QCOMPARE(rowCount(database->connection(), QStringLiteral("members")), 2500);
    QCOMPARE(rowCount(database->connection(), QStringLiteral("cards")), 2502);
    QCOMPARE(rowCount(database->connection(), QStringLiteral("products")), 300);
    QCOMPARE(rowCount(database->connection(), QStringLiteral("sales")), 0);
    QCOMPARE(rowCount(database->connection(), QStringLiteral("outbox_events")), 0);
    const RawConnection raw(database->path());
    QCOMPARE(raw.rows(QStringLiteral("SELECT number, member_id FROM cards WHERE state = 'blocked' ORDER BY member_id")),
             QStringList({DemoDataGenerator::blockedCardNumberFor(1000) + QStringLiteral("|1000"),
                          DemoDataGenerator::blockedCardNumberFor(2000) + QStringLiteral("|2000")}));
}

void TestDemoData::cardNumbersAreValidEan13InTheCardRange()
{
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    DemoDataGenerator generator(*database, *m_clock);
    QVERIFY(generator.generate(2000).ok());
    const auto settings = TillSettings::load(database->connection());
    QVERIFY(settings.ok());
    QCOMPARE(settings->cardPrefix, QStringLiteral("2000"));

    QSqlQuery query(database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT number, member_id, state FROM cards")));
    int checked = 0;
    while (query.next()) {
        const QString number = query.value(0).toString();
        const qint64 member = query.value(1).toLongLong();
        QVERIFY2(number.size() == 13 && Gtin::isValid(number), qPrintable(number));
        QVERIFY(Gtin::formatOf(number) == Gtin::Format::Ean13);
        QVERIFY2(number.startsWith(settings->cardPrefix), qPrintable(number));
        const QString expected = query.value(2).toString() == QLatin1String("blocked")
                                     ? DemoDataGenerator::blockedCardNumberFor(member)
                                     : DemoDataGenerator::cardNumberFor(member);
        QCOMPARE(number, expected);
        ++checked;
    }
    QCOMPARE(checked, 2002);
}

void TestDemoData::productsFollowTheCatalogue()
{
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    DemoDataGenerator generator(*database, *m_clock);
    QVERIFY(generator.generate(0).ok());

    const auto& categories = demoCategories();
    QSet<QString> seenCategories;
    QSet<QString> eans;
    QSqlQuery query(database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT id, ean, price_minor, currency, category, earns_points, discountable"
                                      " FROM products ORDER BY id")));
    while (query.next()) {
        const int index = query.value(0).toInt() - 1;
        const QString ean = query.value(1).toString();
        QCOMPARE(ean, DemoDataGenerator::productEanFor(index));
        QVERIFY2(Gtin::isValid(ean), qPrintable(ean));
        QCOMPARE(ean.size(), index % 10 == 9 ? 8 : 13);
        eans.insert(ean);
        const DemoCategory& category = categories[size_t(index) % categories.size()];
        QCOMPARE(query.value(4).toString(), category.name);
        QCOMPARE(query.value(5).toBool(), category.earnsPoints);
        QCOMPARE(query.value(6).toBool(), category.discountable);
        QCOMPARE(query.value(3).toString(), QStringLiteral("EUR"));
        const qint64 price = query.value(2).toLongLong();
        QVERIFY2(price >= category.minPriceMinor, qPrintable(QStringLiteral("%1: %2").arg(ean).arg(price)));
        QVERIFY2(price <= category.maxPriceMinor + 500, qPrintable(QStringLiteral("%1: %2").arg(ean).arg(price)));
        seenCategories.insert(category.name);
    }
    QCOMPARE(eans.size(), 300);
    QCOMPARE(seenCategories.size(), qsizetype(categories.size()));
    for (const char* category : {"Deposit", "Gift cards", "Tobacco"}) {
        QCOMPARE(rowCount(database->connection(), QStringLiteral("products WHERE earns_points = 1 AND category = '%1'")
                                                      .arg(QLatin1String(category))),
                 0);
    }
}

void TestDemoData::openingBalancesAreNonNegative()
{
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    DemoDataGenerator generator(*database, *m_clock);
    QVERIFY(generator.generate(800).ok());
    const RawConnection raw(database->path());
    QCOMPARE(raw.rows(QStringLiteral("SELECT count(*), count(DISTINCT member_id), min(points) >= 0,"
                                     " max(points) < 3000, min(kind), max(kind), min(sale_id IS NULL)"
                                     " FROM ledger_entries")),
             QStringList{QStringLiteral("800|800|1|1|opening|opening|1")});
}

void TestDemoData::membersCarryHeadOfficesKeys()
{
    // The same names head office's demo gives them (loyalty-hq demo), so a demo till provisioned
    // against a demo head office neither duplicates a member nor books an opening balance twice.
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    QVERIFY(DemoDataGenerator(*database, *m_clock).generate(50).ok());
    const RawConnection raw(database->path());
    QCOMPARE(raw.rows(QStringLiteral("SELECT uuid FROM members WHERE id IN (1, 50) ORDER BY id")),
             QStringList({sync::memberUuidForNumber(1), sync::memberUuidForNumber(50)}));
    QCOMPARE(raw.rows(QStringLiteral("SELECT count(*) FROM ledger_entries l JOIN members m ON m.id = l.member_id"
                                     " WHERE l.origin_key = 'opening/' || m.uuid")),
             QStringList{QStringLiteral("50")});
}

void TestDemoData::demoCardsAndProductsScan()
{
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    DemoDataGenerator generator(*database, *m_clock);
    QVERIFY(generator.generate(300).ok());
    const auto settings = TillSettings::load(database->connection());
    QVERIFY(settings.ok());
    SaleSession session(*database, *m_clock, *settings);
    for (const qint64 member : {1, 150, 300}) {
        const ScanOutcome outcome = session.scan(DemoDataGenerator::cardNumberFor(member));
        QCOMPARE(outcome.kind, ScanOutcome::Kind::MemberAttached);
        QCOMPARE(session.member()->member.id, member);
    }
    for (const int index : {0, 9, 150, 299})
        QCOMPARE(session.scan(DemoDataGenerator::productEanFor(index)).kind, ScanOutcome::Kind::ProductAdded);
    QCOMPARE(session.basket().lineCount(), 4);
}

void TestDemoData::refusesANonEmptyDatabase()
{
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    DemoDataGenerator generator(*database, *m_clock);
    QVERIFY(generator.generate(100).ok());
    const QStringList before = tableCounts(database->connection());
    const RawConnection raw(database->path());
    const QStringList membersBefore = raw.rows(kMembersDump);

    const auto again = DemoDataGenerator(*database, *m_clock, 99).generate(100);
    QVERIFY(!again.ok());
    QCOMPARE(int(again.error().code), int(Error::Code::Conflict));
    QVERIFY2(again.error().message.contains(database->path()), qPrintable(again.error().message));
    QCOMPARE(tableCounts(database->connection()), before);
    QCOMPARE(raw.rows(kMembersDump), membersBefore);

    // One real member is enough to keep demo data out.
    const auto other = openDatabase(QStringLiteral("real.db"));
    QVERIFY(other);
    QSqlQuery insert(other->connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO members (id, name, enrolled_at)"
                                       " VALUES (1, 'Erika Mustermann', '2026-01-01T00:00:00.000Z')")));
    insert.finish();
    const auto refused = DemoDataGenerator(*other, *m_clock).generate(10);
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.error().code), int(Error::Code::Conflict));
    QCOMPARE(rowCount(other->connection(), QStringLiteral("members")), 1);
    QCOMPARE(rowCount(other->connection(), QStringLiteral("products")), 0);
}

void TestDemoData::refusesABadMemberCount_data()
{
    QTest::addColumn<qint64>("count");
    QTest::newRow("negative") << qint64(-1);
    QTest::newRow("above the maximum") << DemoDataGenerator::kMaxMembers + 1;
}

void TestDemoData::refusesABadMemberCount()
{
    QFETCH(qint64, count);
    const auto database = openDatabase(QStringLiteral("till.db"));
    QVERIFY(database);
    const auto refused = DemoDataGenerator(*database, *m_clock).generate(count);
    QVERIFY(!refused.ok());
    QCOMPARE(int(refused.error().code), int(Error::Code::InvalidInput));
    QCOMPARE(rowCount(database->connection(), QStringLiteral("products")), 0);
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "TestDemoData.moc"
