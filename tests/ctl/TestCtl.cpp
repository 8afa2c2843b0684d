// Runs the real loyalty-ctl binary against databases in temporary folders and checks its output,
// its exit codes and what it left in the database, read back with plain SQL rather than through
// the repositories loyalty-ctl itself uses.
#include "CtlProcess.h"
#include "CtlRun.h"
#include "RawDatabase.h"
#include "TestPaths.h"
#include "barcode/Gtin.h"
#include "demo/DemoDataGenerator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using loyalty::DemoDataGenerator;

namespace {

constexpr int kDemoMembers = 2000;
constexpr int kDemoProducts = 300;
constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitNotFound = 2;
constexpr int kExitProblems = 3;
constexpr int kExitRefused = 4;
constexpr int kExitStorage = 5;

bool parseJson(const CtlRun& run, QJsonObject& object)
{
    return run.json(object);
}

QString withWrongCheckDigit(const QString& code)
{
    const int last = code.back().digitValue();
    return code.left(code.size() - 1) + QString::number((last + 1) % 10);
}

QString cardOf12()
{
    return DemoDataGenerator::cardNumberFor(12);
}

QString product(int index)
{
    return DemoDataGenerator::productEanFor(index);
}

QByteArray sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

}  // namespace

class TestCtl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void demoReportsWhatItCreated();
    void demoIsDeterministic();
    void demoRefusesDatabaseThatIsNotEmpty();
    void demoHistoryIsAddedToAnExistingTill();
    void balanceIsTheLedgerSum();
    void balanceOfUnknownCardIsNotFound();
    void saleEarnsPointsAndIsRecorded();
    void saleWithoutMemberEarnsNothing();
    void refusedSaleChangesNothing_data();
    void refusedSaleChangesNothing();
    void usageErrorsOpenNothing_data();
    void usageErrorsOpenNothing();
    void missingDatabaseIsNotFoundAndNotCreated_data();
    void missingDatabaseIsNotFoundAndNotCreated();
    void databaseDefaultsToCurrentFolder();
    void versionAndHelp();
    void checkFindsProblems();
    void newerSchemaIsStorageError();
    void damagedDatabaseIsStorageError();

private:
    CtlRun ctl(const QStringList& arguments) const;
    CtlRun ctlOn(const QString& database, const QStringList& arguments) const
    {
        return ctl(withDb(database, arguments));
    }
    static QStringList withDb(const QString& database, const QStringList& arguments);
    QString path(const QString& name) const { return m_dir->filePath(name); }
    // A copy of the 2000-member demo database made once in initTestCase, in this test's own folder.
    QString demoCopy(const QString& name = QStringLiteral("till.db")) const;
    // What the database holds, as numbers: sales, ledger entries, outbox events.
    QList<qint64> counts(const QString& database) const;
    qint64 balanceOf(const QString& database, const QString& card) const;

    QTemporaryDir m_templateDir;
    QString m_template;
    std::unique_ptr<QTemporaryDir> m_dir;
};

CtlRun TestCtl::ctl(const QStringList& arguments) const
{
    return CtlProcess::run(m_dir ? m_dir->path() : m_templateDir.path(), arguments);
}

QStringList TestCtl::withDb(const QString& database, const QStringList& arguments)
{
    return QStringList{QStringLiteral("--db"), database} + arguments;
}

QString TestCtl::demoCopy(const QString& name) const
{
    const QString copy = path(name);
    if (!QFile::copy(m_template, copy))
        return {};
    return copy;
}

QList<qint64> TestCtl::counts(const QString& database) const
{
    const CtlRun run = ctlOn(database, {QStringLiteral("check"), QStringLiteral("--json")});
    QJsonObject json;
    if (run.exitCode != kExitOk || !parseJson(run, json))
        return {};
    return {json[QLatin1String("sales")].toInteger(-1), json[QLatin1String("ledger_entries")].toInteger(-1),
            json[QLatin1String("outbox_events")].toInteger(-1)};
}

qint64 TestCtl::balanceOf(const QString& database, const QString& card) const
{
    const CtlRun run = ctlOn(database, {QStringLiteral("balance"), card, QStringLiteral("--json")});
    QJsonObject json;
    if (run.exitCode != kExitOk || !parseJson(run, json))
        return -1;
    return json[QLatin1String("balance")].toInteger(-1);
}

void TestCtl::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(LOYALTY_CTL_PATH)));
    QVERIFY(m_templateDir.isValid());
    m_template = m_templateDir.filePath(QStringLiteral("template.db"));
    const CtlRun run =
        ctl(withDb(m_template, {QStringLiteral("demo"), QStringLiteral("--members"), QString::number(kDemoMembers)}));
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    // Closing checkpoints the write-ahead log, so the main file alone is the whole database to copy.
    QVERIFY(!QFile::exists(m_template + QStringLiteral("-wal")));
}

void TestCtl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCtl::cleanup()
{
    m_dir.reset();
}

void TestCtl::demoReportsWhatItCreated()
{
    const QString db = path(QStringLiteral("demo.db"));
    const CtlRun run = ctlOn(db, {QStringLiteral("demo"), QStringLiteral("--members"), QString::number(kDemoMembers),
                                  QStringLiteral("--json")});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QVERIFY(run.err.isEmpty());
    QJsonObject json;
    QVERIFY(parseJson(run, json));
    QCOMPARE(json[QLatin1String("members")].toInteger(), kDemoMembers);
    // Every 1000th member also carries a blocked old card: members 1000 and 2000.
    QCOMPARE(json[QLatin1String("cards")].toInteger(), kDemoMembers + 2);
    QCOMPARE(json[QLatin1String("products")].toInteger(), kDemoProducts);
    QVERIFY(json[QLatin1String("elapsed_ms")].isDouble());
    QVERIFY(json[QLatin1String("elapsed_ms")].toInteger(-1) >= 0);
    QCOMPARE(json[QLatin1String("database")].toString(), db);
    // A demo till sells under the built-in demo programme.
    QCOMPARE(json[QLatin1String("programme_id")].toString(), QStringLiteral("demo"));
    QCOMPARE(json[QLatin1String("programme_version")].toInteger(), 1);
    QCOMPARE(json[QLatin1String("programme_activated")].toBool(), true);

    const CtlRun members = ctlOn(
        db, {QStringLiteral("members"), QStringLiteral("--limit"), QStringLiteral("5000"), QStringLiteral("--json")});
    QVERIFY2(members.exitCode == kExitOk, members.describe().constData());
    QJsonObject listing;
    QVERIFY(parseJson(members, listing));
    const QJsonArray rows = listing[QLatin1String("members")].toArray();
    QCOMPARE(rows.size(), kDemoMembers);
    QCOMPARE(rows.first()[QLatin1String("id")].toInteger(), 1);
    QCOMPARE(rows.last()[QLatin1String("id")].toInteger(), kDemoMembers);
    QCOMPARE(rows.first()[QLatin1String("cards")].toArray(),
             QJsonArray::fromStringList({DemoDataGenerator::cardNumberFor(1)}));
    const QJsonArray cardsOf1000 = rows.at(999)[QLatin1String("cards")].toArray();
    QCOMPARE(cardsOf1000.size(), 2);
    QVERIFY(cardsOf1000.contains(DemoDataGenerator::cardNumberFor(1000)));
    QVERIFY(cardsOf1000.contains(DemoDataGenerator::blockedCardNumberFor(1000)));

    RawDatabase raw(db);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM members")).toLongLong(), kDemoMembers);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM products")).toLongLong(), kDemoProducts);
}

// ./dev run's order: demo data, provisioning, then the history sold on the till that exists.
void TestCtl::demoHistoryIsAddedToAnExistingTill()
{
    const QString db = demoCopy();
    const QList<qint64> before = counts(db);
    const CtlRun history = ctlOn(
        db, {QStringLiteral("demo"), QStringLiteral("--history-days"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY2(history.exitCode == kExitOk, history.describe().constData());
    QJsonObject json;
    QVERIFY(parseJson(history, json));
    QCOMPARE(json[QLatin1String("history_days")].toInteger(), 3);
    QVERIFY(!json.contains(QLatin1String("members")));  // the members there are stay as they were
    const qint64 sold = json[QLatin1String("history_sales")].toInteger();
    QVERIFY(sold > 0);
    QCOMPARE(json[QLatin1String("manager")].toString(), QStringLiteral("Demo Manager"));
    QCOMPARE(counts(db).first(), before.first() + sold);
    RawDatabase raw(db);
    QVERIFY(raw.isOpen());
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM members")).toLongLong(), kDemoMembers);
    QVERIFY(raw.value(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong() > 1);
    const CtlRun check = ctlOn(db, {QStringLiteral("check")});
    QVERIFY2(check.exitCode == kExitOk, check.describe().constData());
    const CtlRun verify = ctlOn(db, {QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == kExitOk, verify.describe().constData());

    // Zero days on their own would add nothing: a usage error.
    const CtlRun none = ctlOn(db, {QStringLiteral("demo"), QStringLiteral("--history-days"), QStringLiteral("0")});
    QCOMPARE(none.exitCode, 1);
}

void TestCtl::demoIsDeterministic()
{
    QByteArray members[2];
    QByteArray products[2];
    QByteArray allProducts[2];
    for (int i = 0; i < 2; ++i) {
        const QString db = path(QStringLiteral("demo%1.db").arg(i));
        const CtlRun demo =
            ctlOn(db, {QStringLiteral("demo"), QStringLiteral("--members"), QString::number(kDemoMembers)});
        QVERIFY2(demo.exitCode == kExitOk, demo.describe().constData());
        const CtlRun listed = ctlOn(
            db, {QStringLiteral("members"), QStringLiteral("--limit"), QStringLiteral("50"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == kExitOk, listed.describe().constData());
        members[i] = listed.out;
        const CtlRun catalogue = ctlOn(db, {QStringLiteral("products"), QStringLiteral("--json")});
        QVERIFY2(catalogue.exitCode == kExitOk, catalogue.describe().constData());
        products[i] = catalogue.out;
        const CtlRun fullCatalogue = ctlOn(db, {QStringLiteral("products"), QStringLiteral("--limit"),
                                                QStringLiteral("1000"), QStringLiteral("--json")});
        QVERIFY2(fullCatalogue.exitCode == kExitOk, fullCatalogue.describe().constData());
        allProducts[i] = fullCatalogue.out;
    }
    QCOMPARE(members[0], members[1]);
    QCOMPARE(products[0], products[1]);
    QCOMPARE(allProducts[0], allProducts[1]);

    // Identical because they hold the same data, not because both are empty.
    QJsonObject json;
    QVERIFY(parseJson(CtlRun{0, members[0], {}}, json));
    QCOMPARE(json[QLatin1String("members")].toArray().size(), 50);
    QVERIFY(parseJson(CtlRun{0, products[0], {}}, json));
    QCOMPARE(json[QLatin1String("products")].toArray().size(), 20);
    QVERIFY(parseJson(CtlRun{0, allProducts[0], {}}, json));
    QCOMPARE(json[QLatin1String("products")].toArray().size(), kDemoProducts);
}

void TestCtl::demoRefusesDatabaseThatIsNotEmpty()
{
    const QString db = demoCopy();
    QVERIFY(!db.isEmpty());
    const QByteArray before = sha256Of(db);
    QVERIFY(!before.isEmpty());

    for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
        const CtlRun run =
            ctlOn(db, QStringList{QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("10")} + extra);
        QVERIFY2(run.exitCode == kExitRefused, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errIsOneLine(), run.err.constData());
        QVERIFY(run.err.contains(db.toUtf8()));
    }
    QCOMPARE(sha256Of(db), before);
    RawDatabase raw(db);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM members")).toLongLong(), kDemoMembers);
}

void TestCtl::balanceIsTheLedgerSum()
{
    const QString db = demoCopy();
    const CtlRun run = ctlOn(db, {QStringLiteral("balance"), cardOf12(), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject json;
    QVERIFY(parseJson(run, json));

    qint64 ledgerSum = -1;
    QString name;
    {
        RawDatabase raw(db);
        ledgerSum =
            raw.value(QStringLiteral("SELECT sum(points) FROM ledger_entries WHERE member_id = 12")).toLongLong();
        name = raw.value(QStringLiteral("SELECT name FROM members WHERE id = 12")).toString();
    }
    QVERIFY(!name.isEmpty());
    QCOMPARE(json[QLatin1String("member_id")].toInteger(), 12);
    QCOMPARE(json[QLatin1String("member_name")].toString(), name);
    QCOMPARE(json[QLatin1String("card_number")].toString(), cardOf12());
    QCOMPARE(json[QLatin1String("card_state")].toString(), QStringLiteral("active"));
    QCOMPARE(json[QLatin1String("balance")].toInteger(-1), ledgerSum);

    const CtlRun text = ctlOn(db, {QStringLiteral("balance"), cardOf12()});
    QVERIFY2(text.exitCode == kExitOk, text.describe().constData());
    QVERIFY(text.out.contains(name.toUtf8()));
    QVERIFY(text.out.contains(QLocale().toString(ledgerSum).toUtf8()));  // same environment, same locale

    const CtlRun blocked =
        ctlOn(db, {QStringLiteral("balance"), DemoDataGenerator::blockedCardNumberFor(1000), QStringLiteral("--json")});
    QVERIFY2(blocked.exitCode == kExitOk, blocked.describe().constData());
    QVERIFY(parseJson(blocked, json));
    QCOMPARE(json[QLatin1String("member_id")].toInteger(), 1000);
    QCOMPARE(json[QLatin1String("card_state")].toString(), QStringLiteral("blocked"));
}

void TestCtl::balanceOfUnknownCardIsNotFound()
{
    const QString db = demoCopy();
    const CtlRun unknown = ctlOn(
        db, {QStringLiteral("balance"), DemoDataGenerator::cardNumberFor(kDemoMembers + 1), QStringLiteral("--json")});
    QVERIFY2(unknown.exitCode == kExitNotFound, unknown.describe().constData());
    QVERIFY(unknown.out.isEmpty());
    QVERIFY(unknown.errIsOneLine());

    const CtlRun misread = ctlOn(db, {QStringLiteral("balance"), withWrongCheckDigit(cardOf12())});
    QVERIFY2(misread.exitCode == kExitRefused, misread.describe().constData());
    QVERIFY(misread.out.isEmpty());
    QVERIFY(misread.errIsOneLine());

    const CtlRun productCode = ctlOn(db, {QStringLiteral("balance"), product(0)});
    QVERIFY2(productCode.exitCode == kExitRefused, productCode.describe().constData());
    QVERIFY(productCode.out.isEmpty());
}

void TestCtl::saleEarnsPointsAndIsRecorded()
{
    const QString db = demoCopy();
    const CtlRun catalogue = ctlOn(
        db, {QStringLiteral("products"), QStringLiteral("--limit"), QStringLiteral("1000"), QStringLiteral("--json")});
    QJsonObject json;
    QVERIFY(parseJson(catalogue, json));
    QHash<QString, QJsonObject> byEan;
    for (const QJsonValue& row : json[QLatin1String("products")].toArray())
        byEan.insert(row[QLatin1String("ean")].toString(), row.toObject());

    // Drinks and books earn points; the gift card (an EAN-8) and the deposit do not. None of them
    // is in a promotion of the demo programme, so they earn its base rate.
    const QList<std::pair<QString, int>> lines{{product(4), 2}, {product(9), 1}, {product(6), 3}, {product(8), 1}};
    qint64 total = 0;
    qint64 eligible = 0;
    QStringList arguments{QStringLiteral("sale"), QStringLiteral("--card"), cardOf12(), QStringLiteral("--json")};
    for (const auto& [ean, quantity] : lines) {
        QVERIFY2(byEan.contains(ean), qPrintable(ean));
        const qint64 lineTotal = byEan[ean][QLatin1String("price_minor")].toInteger() * quantity;
        total += lineTotal;
        if (byEan[ean][QLatin1String("earns_points")].toBool())
            eligible += lineTotal;
        arguments << QStringLiteral("--line") << (quantity == 1 ? ean : ean + u':' + QString::number(quantity));
    }
    QVERIFY(eligible > 0 && eligible < total);
    const qint64 expectedPoints = eligible / 100;  // the demo programme's base rate: 1 point per full euro
    QVERIFY(expectedPoints > 0);

    const qint64 before = balanceOf(db, cardOf12());
    QVERIFY(before >= 0);
    const CtlRun sale = ctlOn(db, arguments);
    QVERIFY2(sale.exitCode == kExitOk, sale.describe().constData());
    QVERIFY(sale.err.isEmpty());
    QJsonObject completed;
    QVERIFY(parseJson(sale, completed));
    QCOMPARE(completed[QLatin1String("total_minor")].toInteger(), total);
    QCOMPARE(completed[QLatin1String("currency")].toString(), QStringLiteral("EUR"));
    QCOMPARE(completed[QLatin1String("item_count")].toInteger(), 7);
    QCOMPARE(completed[QLatin1String("points_earned")].toInteger(), expectedPoints);
    QCOMPARE(completed[QLatin1String("member_id")].toInteger(), 12);
    QCOMPARE(completed[QLatin1String("card_number")].toString(), cardOf12());
    QCOMPARE(completed[QLatin1String("new_balance")].toInteger(), before + expectedPoints);
    QCOMPARE(completed[QLatin1String("outbox_sequence")].toInteger(), 1);
    const qint64 saleId = completed[QLatin1String("id")].toInteger();
    const QString uuid = completed[QLatin1String("uuid")].toString();
    QVERIFY(saleId > 0);
    QCOMPARE(uuid.size(), 36);

    QCOMPARE(balanceOf(db, cardOf12()), before + expectedPoints);

    const CtlRun last =
        ctlOn(db, {QStringLiteral("sales"), QStringLiteral("--last"), QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(last.exitCode == kExitOk, last.describe().constData());
    QVERIFY(parseJson(last, json));
    const QJsonArray sales = json[QLatin1String("sales")].toArray();
    QCOMPARE(sales.size(), 1);
    QCOMPARE(sales[0][QLatin1String("id")].toInteger(), saleId);
    QCOMPARE(sales[0][QLatin1String("uuid")].toString(), uuid);
    QCOMPARE(sales[0][QLatin1String("total_minor")].toInteger(), total);
    QCOMPARE(sales[0][QLatin1String("points_earned")].toInteger(), expectedPoints);
    QCOMPARE(sales[0][QLatin1String("item_count")].toInteger(), 7);
    QCOMPARE(sales[0][QLatin1String("member_id")].toInteger(), 12);
    QCOMPARE(sales[0][QLatin1String("card_number")].toString(), cardOf12());
    QCOMPARE(sales[0][QLatin1String("completed_at")].toString(), completed[QLatin1String("completed_at")].toString());
    // One vocabulary: the sale's own report is the history row plus what only the moment of sale knows.
    QJsonObject asRow = completed;
    for (const char* momentOnly : {"new_balance", "outbox_sequence", "programme_version", "discount_minor",
                                   "payable_minor", "points_redeemed", "new_wallet_minor", "effects", "notices"}) {
        QVERIFY2(asRow.contains(QLatin1String(momentOnly)), momentOnly);
        asRow.remove(QLatin1String(momentOnly));
    }
    QCOMPARE(sales[0].toObject(), asRow);

    const CtlRun check = ctlOn(db, {QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(check.exitCode == kExitOk, check.describe().constData());
    QVERIFY(parseJson(check, json));
    QCOMPARE(json[QLatin1String("ok")].toBool(), true);
    QCOMPARE(json[QLatin1String("sales")].toInteger(), 1);
    QCOMPARE(json[QLatin1String("outbox_events")].toInteger(), 1);
    QCOMPARE(json[QLatin1String("problems")].toArray().size(), 0);

    const CtlRun text = ctlOn(db, {QStringLiteral("sales")});
    QVERIFY2(text.exitCode == kExitOk, text.describe().constData());
    QVERIFY(text.out.contains(uuid.toUtf8()));
}

void TestCtl::saleWithoutMemberEarnsNothing()
{
    const QString db = demoCopy();
    const CtlRun first = ctlOn(db, {QStringLiteral("sale"), QStringLiteral("--card"), cardOf12(),
                                    QStringLiteral("--line"), product(0), QStringLiteral("--json")});
    QVERIFY2(first.exitCode == kExitOk, first.describe().constData());
    const CtlRun second = ctlOn(db, {QStringLiteral("sale"), QStringLiteral("--line"),
                                     product(1) + QStringLiteral(":4"), QStringLiteral("--json")});
    QVERIFY2(second.exitCode == kExitOk, second.describe().constData());
    QJsonObject json;
    QVERIFY(parseJson(second, json));
    QCOMPARE(json[QLatin1String("points_earned")].toInteger(-1), 0);
    QVERIFY(json[QLatin1String("member_id")].isNull());
    QVERIFY(json[QLatin1String("new_balance")].isNull());
    QCOMPARE(json[QLatin1String("item_count")].toInteger(), 4);
    const qint64 secondId = json[QLatin1String("id")].toInteger();

    const CtlRun listed = ctlOn(db, {QStringLiteral("sales"), QStringLiteral("--json")});
    QVERIFY2(listed.exitCode == kExitOk, listed.describe().constData());
    QVERIFY(parseJson(listed, json));
    const QJsonArray sales = json[QLatin1String("sales")].toArray();
    QCOMPARE(sales.size(), 2);
    QCOMPARE(sales[0][QLatin1String("id")].toInteger(), secondId);  // newest first
    QVERIFY(sales[0][QLatin1String("member_id")].isNull());
    QCOMPARE(sales[1][QLatin1String("member_id")].toInteger(), 12);

    const CtlRun check = ctlOn(db, {QStringLiteral("check")});
    QVERIFY2(check.exitCode == kExitOk, check.describe().constData());
}

void TestCtl::refusedSaleChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QString line = QStringLiteral("--line");
    const QString card = QStringLiteral("--card");
    QTest::newRow("card with wrong check digit")
        << QStringList{card, withWrongCheckDigit(cardOf12()), line, product(0)} << kExitRefused;
    QTest::newRow("unknown card") << QStringList{card, DemoDataGenerator::cardNumberFor(kDemoMembers + 1), line,
                                                 product(0)}
                                  << kExitNotFound;
    QTest::newRow("blocked card") << QStringList{card, DemoDataGenerator::blockedCardNumberFor(1000), line, product(0)}
                                  << kExitRefused;
    QTest::newRow("unknown product") << QStringList{card, cardOf12(),
                                                    line, product(0),
                                                    line, loyalty::Gtin::withCheckDigit(QStringLiteral("590123412345"))}
                                     << kExitNotFound;
    QTest::newRow("product with wrong check digit")
        << QStringList{card, cardOf12(), line, product(0), line, withWrongCheckDigit(product(1))} << kExitRefused;
    QTest::newRow("not a barcode") << QStringList{card, cardOf12(), line, QStringLiteral("12345")} << kExitRefused;
    QTest::newRow("card as a line") << QStringList{line, product(0), line, cardOf12()} << kExitRefused;
    QTest::newRow("product as the card") << QStringList{card, product(0), line, product(1)} << kExitRefused;
    QTest::newRow("more than 999 of one product")
        << QStringList{card, cardOf12(), line, product(0) + QStringLiteral(":999"), line, product(0)} << kExitRefused;
}

void TestCtl::refusedSaleChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const QString db = demoCopy();
    const QList<qint64> before = counts(db);
    QCOMPARE(before.size(), 3);
    const qint64 balanceBefore = balanceOf(db, cardOf12());

    for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
        const CtlRun run = ctlOn(db, QStringList{QStringLiteral("sale")} + arguments + extra);
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        QVERIFY2(run.out.isEmpty(), run.out.constData());
        QVERIFY2(run.errIsOneLine(), run.err.constData());
    }
    QCOMPARE(counts(db), before);
    QCOMPARE(balanceOf(db, cardOf12()), balanceBefore);
}

void TestCtl::usageErrorsOpenNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString line = QStringLiteral("--line");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("members"), QStringLiteral("--frobnicate")};
    QTest::newRow("limit not a number") << QStringList{QStringLiteral("members"), QStringLiteral("--limit"),
                                                       QStringLiteral("abc")};
    QTest::newRow("limit zero") << QStringList{QStringLiteral("products"), QStringLiteral("--limit"),
                                               QStringLiteral("0")};
    QTest::newRow("limit negative") << QStringList{QStringLiteral("products"), QStringLiteral("--limit"),
                                                   QStringLiteral("-3")};
    QTest::newRow("last not a number") << QStringList{QStringLiteral("sales"), QStringLiteral("--last"),
                                                      QStringLiteral("x")};
    QTest::newRow("option of another command")
        << QStringList{QStringLiteral("members"), QStringLiteral("--last"), QStringLiteral("3")};
    QTest::newRow("limit on a sale") << QStringList{QStringLiteral("sale"), line, product(0), QStringLiteral("--limit"),
                                                    QStringLiteral("5")};
    QTest::newRow("demo without count") << QStringList{QStringLiteral("demo")};
    QTest::newRow("demo negative count") << QStringList{QStringLiteral("demo"), QStringLiteral("--members"),
                                                        QStringLiteral("-1")};
    QTest::newRow("demo count not a number")
        << QStringList{QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("many")};
    QTest::newRow("balance without card") << QStringList{QStringLiteral("balance")};
    QTest::newRow("balance with two cards") << QStringList{QStringLiteral("balance"), cardOf12(), cardOf12()};
    QTest::newRow("check with an argument") << QStringList{QStringLiteral("check"), QStringLiteral("now")};
    QTest::newRow("sale without lines") << QStringList{QStringLiteral("sale"), QStringLiteral("--card"), cardOf12()};
    QTest::newRow("quantity zero") << QStringList{QStringLiteral("sale"), line, product(0) + QStringLiteral(":0")};
    QTest::newRow("quantity too large") << QStringList{QStringLiteral("sale"), line,
                                                       product(0) + QStringLiteral(":1000")};
    QTest::newRow("quantity not a number")
        << QStringList{QStringLiteral("sale"), line, product(0) + QStringLiteral(":x")};
    QTest::newRow("empty line") << QStringList{QStringLiteral("sale"), line, QString()};
    QTest::newRow("empty card") << QStringList{QStringLiteral("sale"), QStringLiteral("--card"), QString(), line,
                                               product(0)};
    const QString quote = QStringLiteral("quote");
    const QString at = QStringLiteral("--at");
    QTest::newRow("quote without lines") << QStringList{quote, QStringLiteral("--card"), cardOf12()};
    for (const char* malformed : {"2026-12-24", "2026-12-24 17:30", "24.12.2026T17:30", "2026-13-01T10:00",
                                  "2026-02-30T10:00", "2026-12-24T25:00", "2026-12-24T17:30Z", "now", ""}) {
        QTest::addRow("quote at %s", malformed)
            << QStringList{quote, line, product(0), at, QString::fromLatin1(malformed)};
    }
    QTest::newRow("sale at malformed") << QStringList{QStringLiteral("sale"), line, product(0), at,
                                                      QStringLiteral("x")};
    QTest::newRow("expire at malformed") << QStringList{QStringLiteral("expire"), at, QStringLiteral("tomorrow")};
    QTest::newRow("redeem zero") << QStringList{quote, line, product(0), QStringLiteral("--redeem"),
                                                QStringLiteral("0")};
    QTest::newRow("redeem not a number") << QStringList{quote, line, product(0), QStringLiteral("--redeem"),
                                                        QStringLiteral("all")};
    QTest::newRow("wallet negative") << QStringList{QStringLiteral("sale"), line, product(0),
                                                    QStringLiteral("--wallet"), QStringLiteral("-5")};
    QTest::newRow("empty coupon") << QStringList{quote, line, product(0), QStringLiteral("--coupon"),
                                                 QStringLiteral(" ")};
    QTest::newRow("empty reward") << QStringList{quote, line, product(0), QStringLiteral("--reward"), QString()};
    QTest::newRow("at on balance") << QStringList{QStringLiteral("balance"), cardOf12(), at,
                                                  QStringLiteral("2026-12-24T17:30")};
    QTest::newRow("coupon on a return") << QStringList{
        QStringLiteral("return"),   QStringLiteral("--sale"),   QStringLiteral("1"), line, product(0),
        QStringLiteral("--coupon"), QStringLiteral("WELCOME10")};
    QTest::newRow("return without sale") << QStringList{QStringLiteral("return"), line, product(0)};
    QTest::newRow("return without lines")
        << QStringList{QStringLiteral("return"), QStringLiteral("--sale"), QStringLiteral("1")};
    QTest::newRow("feedback without sale") << QStringList{QStringLiteral("feedback")};
    QTest::newRow("feedback with a card") << QStringList{QStringLiteral("feedback"), QStringLiteral("--sale"),
                                                         QStringLiteral("1"), QStringLiteral("--card"), cardOf12()};
    QTest::newRow("programme without action") << QStringList{QStringLiteral("programme")};
    QTest::newRow("programme unknown action") << QStringList{QStringLiteral("programme"), QStringLiteral("delete")};
    QTest::newRow("programme load without file") << QStringList{QStringLiteral("programme"), QStringLiteral("load")};
    QTest::newRow("programme show with argument")
        << QStringList{QStringLiteral("programme"), QStringLiteral("show"), QStringLiteral("all")};
}

void TestCtl::usageErrorsOpenNothing()
{
    QFETCH(QStringList, arguments);
    const QString db = path(QStringLiteral("never.db"));
    for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
        const CtlRun run = ctlOn(db, arguments + extra);
        QVERIFY2(run.exitCode == kExitUsage, run.describe().constData());
        QVERIFY2(run.out.isEmpty(), run.out.constData());
        QVERIFY2(run.errIsOneLine(), run.err.constData());
    }
    QVERIFY(!QFile::exists(db));
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void TestCtl::missingDatabaseIsNotFoundAndNotCreated_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("members") << QStringList{QStringLiteral("members")};
    QTest::newRow("products") << QStringList{QStringLiteral("products")};
    QTest::newRow("balance") << QStringList{QStringLiteral("balance"), cardOf12()};
    QTest::newRow("sale") << QStringList{QStringLiteral("sale"), QStringLiteral("--card"), cardOf12(),
                                         QStringLiteral("--line"), product(0)};
    QTest::newRow("sales") << QStringList{QStringLiteral("sales")};
    QTest::newRow("check") << QStringList{QStringLiteral("check")};
    QTest::newRow("quote") << QStringList{QStringLiteral("quote"), QStringLiteral("--line"), product(0)};
    QTest::newRow("return") << QStringList{QStringLiteral("return"), QStringLiteral("--sale"), QStringLiteral("1"),
                                           QStringLiteral("--line"), product(0)};
    QTest::newRow("expire") << QStringList{QStringLiteral("expire")};
    QTest::newRow("feedback") << QStringList{QStringLiteral("feedback"), QStringLiteral("--sale"), QStringLiteral("1")};
    QTest::newRow("programme show") << QStringList{QStringLiteral("programme"), QStringLiteral("show")};
    QTest::newRow("demo history only") << QStringList{QStringLiteral("demo"), QStringLiteral("--history-days"),
                                                      QStringLiteral("3")};
}

void TestCtl::missingDatabaseIsNotFoundAndNotCreated()
{
    QFETCH(QStringList, arguments);
    const QString db = path(QStringLiteral("missing.db"));
    for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
        const CtlRun run = ctlOn(db, arguments + extra);
        QVERIFY2(run.exitCode == kExitNotFound, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errIsOneLine(), run.err.constData());
        QVERIFY(run.err.contains(db.toUtf8()));

        // Without --db: loyalty-till.db in the current folder, which is not there either.
        const CtlRun byDefault = ctl(arguments + extra);
        QVERIFY2(byDefault.exitCode == kExitNotFound, byDefault.describe().constData());
        QVERIFY(byDefault.err.contains("loyalty-till.db"));
    }
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void TestCtl::databaseDefaultsToCurrentFolder()
{
    QVERIFY(!demoCopy(QStringLiteral("loyalty-till.db")).isEmpty());
    const CtlRun run =
        ctl({QStringLiteral("members"), QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject json;
    QVERIFY(parseJson(run, json));
    QCOMPARE(json[QLatin1String("members")].toArray().size(), 3);
}

void TestCtl::versionAndHelp()
{
    const CtlRun version = ctl({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, kExitOk);
    QCOMPARE(version.out, QByteArray("loyalty-ctl " LOYALTY_VERSION "\n"));
    QVERIFY(version.err.isEmpty());

    const CtlRun help = ctl({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, kExitOk);
    QVERIFY(help.err.isEmpty());
    for (const char* expected : {"demo --members",  "members [--limit",
                                 "products",        "balance CARD",
                                 "quote [--card",   "--at",
                                 "--coupon",        "--redeem",
                                 "sale [--card",    "sales [--last",
                                 "return --sale",   "expire [--at",
                                 "feedback --sale", "programme load FILE",
                                 "programme show",  "check",
                                 "--json",          "--db",
                                 "Exit codes",      "  5  storage"}) {
        QVERIFY2(help.out.contains(expected), expected);
    }
    // Neither opened nor created a database.
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void TestCtl::checkFindsProblems()
{
    const QString db = demoCopy();
    {
        RawDatabase raw(db);
        QVERIFY(raw.isOpen());
        // A sale without lines, ledger entries or outbox event: what a half-written commit would leave.
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO sales (uuid, till_id, member_id, card_number, currency,"
                           " total_minor, points_earned, state, completed_at) VALUES ('broken', 'till',"
                           " 12, '2000000000129', 'EUR', 1299, 12, 'completed', '2026-01-01T10:00:00.000Z')")));
    }
    const CtlRun json = ctlOn(db, {QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == kExitProblems, json.describe().constData());
    QVERIFY(json.err.isEmpty());
    QJsonObject report;
    QVERIFY(parseJson(json, report));
    QCOMPARE(report[QLatin1String("ok")].toBool(true), false);
    QCOMPARE(report[QLatin1String("sales")].toInteger(), 1);
    // No lines, total differs from the lines, no outbox event, ledger differs from the points.
    QCOMPARE(report[QLatin1String("problems")].toArray().size(), 4);

    const CtlRun text = ctlOn(db, {QStringLiteral("check")});
    QVERIFY2(text.exitCode == kExitProblems, text.describe().constData());
    QCOMPARE(text.out.count("\n- "), 4);
}

void TestCtl::newerSchemaIsStorageError()
{
    const QString db = demoCopy();
    {
        RawDatabase raw(db);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    const QByteArray before = sha256Of(db);
    const CtlRun run = ctlOn(db, {QStringLiteral("members"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == kExitStorage, run.describe().constData());
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errIsOneLine(), run.err.constData());
    QCOMPARE(sha256Of(db), before);
}

void TestCtl::damagedDatabaseIsStorageError()
{
    const QString db = path(QStringLiteral("damaged.db"));
    {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    const CtlRun run = ctlOn(db, {QStringLiteral("members")});
    QVERIFY2(run.exitCode == kExitStorage, run.describe().constData());
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errIsOneLine(), run.err.constData());
    // Quarantined, never deleted: the damaged bytes are kept next to where they were.
    QVERIFY(!QFile::exists(db));
    const QStringList aside = QDir(m_dir->path()).entryList({QStringLiteral("damaged.db.quarantined-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
}

QTEST_GUILESS_MAIN(TestCtl)
#include "TestCtl.moc"
