// Activating programme documents: a valid, newer document becomes active and survives a restart;
// an invalid or not newer one is refused and leaves the previous programme active. A till with no
// programme stored runs the built-in demo programme, whose products all exist in the demo shop.
#include "demo/DemoDataGenerator.h"
#include "program/format/ProgrammeParser.h"
#include "program/format/ProgrammeStore.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

namespace {

// The demo document as head office would issue it under its own id and `version`.
QByteArray programmeDocument(int version, qint64 basePoints = 1)
{
    QJsonObject document = QJsonDocument::fromJson(ProgrammeStore::builtInDocument()).object();
    document.insert(QStringLiteral("id"), QStringLiteral("hq"));
    document.insert(QStringLiteral("version"), version);
    QJsonArray rules = document.value(QStringLiteral("rules")).toArray();
    QJsonObject base = rules.at(0).toObject();
    base.insert(QStringLiteral("points"), basePoints);
    rules[0] = base;
    document.insert(QStringLiteral("rules"), rules);
    return QJsonDocument(document).toJson();
}

template <typename T>
QByteArray errorOf(const Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

}  // namespace

class TestProgrammeStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyStoreRunsTheBuiltInDemo();
    void validDocumentBecomesActive();
    void invalidDocumentIsRefusedAndChangesNothing();
    void notNewerVersionIsRefused_data();
    void notNewerVersionIsRefused();
    void activeProgrammeSurvivesReopen();
    void demoProgrammeMatchesDemoCatalogue();

private:
    void open();
    qint64 storedCount() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
};

void TestProgrammeStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    open();
}

void TestProgrammeStore::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestProgrammeStore::open()
{
    m_database.reset();
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), errorOf(opened).constData());
    m_database = std::move(opened).value();
}

qint64 TestProgrammeStore::storedCount() const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM programmes")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestProgrammeStore::emptyStoreRunsTheBuiltInDemo()
{
    const ProgrammeStore store(m_database->connection());
    const auto active = store.active();
    QVERIFY2(active.ok(), errorOf(active).constData());
    QCOMPARE(active->id, QStringLiteral("demo"));
    const auto version = store.activeVersion();
    QVERIFY(version.ok());
    QCOMPARE(*version, active->version);
    QCOMPARE(*store.storedVersion(), 0);
    QCOMPARE(storedCount(), 0);
}

void TestProgrammeStore::validDocumentBecomesActive()
{
    ProgrammeStore store(m_database->connection());
    const auto activated = store.activate(programmeDocument(2, 3), m_clock->nowIso());
    QVERIFY2(activated.ok(), errorOf(activated).constData());
    QCOMPARE(activated->id, QStringLiteral("hq"));

    const auto active = store.active();
    QVERIFY2(active.ok(), errorOf(active).constData());
    QCOMPARE(active->id, QStringLiteral("hq"));
    QCOMPARE(active->version, 2);
    QCOMPARE(active->rules.at(0).points, qint64(3));
    QCOMPARE(*store.activeVersion(), 2);
    QCOMPARE(*store.storedVersion(), 2);

    QSqlQuery row(m_database->connection());
    QVERIFY(row.exec(QStringLiteral("SELECT programme_id, activated_at FROM programmes WHERE version = 2")));
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), QStringLiteral("hq"));
    QCOMPARE(row.value(1).toString(), m_clock->nowIso());

    // A later version takes over; the earlier stays stored as history.
    QVERIFY(store.activate(programmeDocument(5, 4), m_clock->nowIso()).ok());
    QCOMPARE(store.active()->rules.at(0).points, qint64(4));
    QCOMPARE(storedCount(), 2);
}

void TestProgrammeStore::invalidDocumentIsRefusedAndChangesNothing()
{
    ProgrammeStore store(m_database->connection());
    QVERIFY(store.activate(programmeDocument(2), m_clock->nowIso()).ok());

    const auto refused = store.activate(programmeDocument(3, -1), m_clock->nowIso());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::InvalidInput);
    QVERIFY2(refused.error().message.startsWith(QStringLiteral("$.rules[0].points: ")), errorOf(refused).constData());

    const auto notJson = store.activate("{ not json", m_clock->nowIso());
    QVERIFY(!notJson.ok());
    QVERIFY(notJson.error().message.startsWith(QStringLiteral("$: ")));

    QCOMPARE(storedCount(), 1);
    QCOMPARE(*store.activeVersion(), 2);
    QCOMPARE(store.active()->rules.at(0).points, qint64(1));
}

void TestProgrammeStore::notNewerVersionIsRefused_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("same") << 3;
    QTest::newRow("older") << 2;
}

void TestProgrammeStore::notNewerVersionIsRefused()
{
    QFETCH(int, version);
    ProgrammeStore store(m_database->connection());
    QVERIFY(store.activate(programmeDocument(3), m_clock->nowIso()).ok());

    const auto refused = store.activate(programmeDocument(version, 9), m_clock->nowIso());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QCOMPARE(refused.error().reason, QStringLiteral("programme_not_newer"));
    QCOMPARE(refused.error().message, QStringLiteral("version %1 is not newer than the active version 3").arg(version));
    QCOMPARE(storedCount(), 1);
    QCOMPARE(store.active()->rules.at(0).points, qint64(1));
}

void TestProgrammeStore::activeProgrammeSurvivesReopen()
{
    {
        ProgrammeStore store(m_database->connection());
        QVERIFY(store.activate(programmeDocument(4, 2), m_clock->nowIso()).ok());
    }
    open();
    QVERIFY(m_database);
    const ProgrammeStore store(m_database->connection());
    const auto active = store.active();
    QVERIFY2(active.ok(), errorOf(active).constData());
    QCOMPARE(active->id, QStringLiteral("hq"));
    QCOMPARE(active->version, 4);
    QCOMPARE(active->rules.at(0).points, qint64(2));
}

void TestProgrammeStore::demoProgrammeMatchesDemoCatalogue()
{
    DemoDataGenerator generator(*m_database, *m_clock);
    const auto summary = generator.generate(10);
    QVERIFY2(summary.ok(), errorOf(summary).constData());
    const auto demo = ProgrammeStore(m_database->connection()).active();
    QVERIFY2(demo.ok(), errorOf(demo).constData());

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT ean, category, price_minor FROM products")));
    QHash<QString, QString> categoryOf;
    QHash<QString, qint64> priceOf;
    while (query.next()) {
        categoryOf.insert(query.value(0).toString(), query.value(1).toString());
        priceOf.insert(query.value(0).toString(), query.value(2).toLongLong());
    }
    const QSet<QString> categories(categoryOf.cbegin(), categoryOf.cend());

    // Every EAN and category the demo programme names is one of the demo shop's.
    QStringList eans;
    QStringList scopeCategories;
    const auto collect = [&](const LineScope& scope) {
        eans << scope.eans;
        scopeCategories << scope.categories;
    };
    for (const Rule& rule : demo->rules) {
        collect(rule.scope);
        collect(rule.creditScope);
    }
    for (const StampCardDefinition& card : demo->stampCards) {
        collect(card.scope);
        collect(card.rewardScope);
        if (!card.ean.isEmpty())
            eans << card.ean;
    }
    for (const RewardDefinition& reward : demo->rewards)
        eans << reward.ean;
    for (const CouponDefinition& coupon : demo->coupons)
        collect(coupon.scope);
    QVERIFY(demo->membership);
    eans << demo->membership->feeEan;
    for (const QString& ean : std::as_const(eans))
        QVERIFY2(categoryOf.contains(ean), qPrintable(ean));
    for (const QString& category : std::as_const(scopeCategories))
        QVERIFY2(categories.contains(category), qPrintable(category));

    QCOMPARE(categoryOf.value(demo->membership->feeEan), QStringLiteral("Gift cards"));
    for (const Rule& rule : demo->rules) {
        if (rule.kind != RuleKind::MemberPrice)
            continue;
        for (const QString& ean : rule.scope.eans)
            QVERIFY2(rule.priceMinor < priceOf.value(ean), qPrintable(QString::number(priceOf.value(ean))));
    }
}

QTEST_GUILESS_MAIN(TestProgrammeStore)
#include "TestProgrammeStore.moc"
