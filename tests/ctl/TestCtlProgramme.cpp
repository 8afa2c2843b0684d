// Runs the real loyalty-ctl binary on a demo till that sells under the demo programme: quotes that
// write nothing, sales with coupons and redemptions that commit what the quote showed, programme
// activation, returns, the expiry run and feedback points. The database is read back with plain
// SQL, not through the repositories loyalty-ctl uses.
#include "CtlProcess.h"
#include "CtlRun.h"
#include "RawDatabase.h"
#include "TestPaths.h"
#include "demo/DemoDataGenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using loyalty::DemoDataGenerator;

namespace {

constexpr int kDemoMembers = 1000;  // member 1000 also has a blocked card
constexpr int kExitOk = 0;
constexpr int kExitNotFound = 2;
constexpr int kExitRefused = 4;

// The demo programme's bakery happy hour: 30 % off bakery, Monday to Friday 17:00-19:00.
const QString kHappyHourRule = QStringLiteral("promo.bakery_happy_hour");
const QString kInsideHappyHour = QStringLiteral("2026-12-24T17:30");  // a Thursday
const QString kOutsideHappyHour = QStringLiteral("2026-12-24T12:00");
const QString kWelcomeWindow = QStringLiteral("2026-06-01T10:00");  // WELCOME10 runs through 2026
const QString kAfterWelcome = QStringLiteral("2027-01-05T10:00");

const QString kCard = QStringLiteral("--card");
const QString kLine = QStringLiteral("--line");
const QString kAt = QStringLiteral("--at");
const QString kJson = QStringLiteral("--json");

// Demo catalogue positions by category (DemoCatalog walks its categories round-robin).
QString bakery()
{
    return DemoDataGenerator::productEanFor(0);
}
QString drinks()
{
    return DemoDataGenerator::productEanFor(4);
}
QString books()
{
    return DemoDataGenerator::productEanFor(6);
}

QString cardOf(qint64 member)
{
    return DemoDataGenerator::cardNumberFor(member);
}

QByteArray sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QJsonObject effectFor(const QJsonObject& report, const QString& rule)
{
    for (const QJsonValue& effect : report[QLatin1String("effects")].toArray()) {
        if (effect[QLatin1String("rule")].toString() == rule)
            return effect.toObject();
    }
    return {};
}

QJsonObject effectWithCode(const QJsonObject& report, const QString& code)
{
    for (const QJsonValue& effect : report[QLatin1String("effects")].toArray()) {
        if (effect[QLatin1String("code")].toString() == code)
            return effect.toObject();
    }
    return {};
}

qint64 sumOf(const QJsonArray& effects, const char* key)
{
    qint64 sum = 0;
    for (const QJsonValue& effect : effects)
        sum += effect[QLatin1String(key)].toInteger();
    return sum;
}

}  // namespace

class TestCtlProgramme final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void quoteWritesNothing();
    void quoteFollowsTheHappyHour_data();
    void quoteFollowsTheHappyHour();
    void quoteJsonShape();
    void quoteWithCoupon();
    void quoteLowersRedemptionWithNotice();
    void quoteRefusesBadInput_data();
    void quoteRefusesBadInput();
    void saleCommitsWhatTheQuoteShowed();
    void programmeLoadActivatesValidDocument();
    void programmeLoadRefusesInvalidDocument_data();
    void programmeLoadRefusesInvalidDocument();
    void returnRestoresBalance();
    void returnRefusesWhatWasNotSold();
    void expireIsIdempotent();
    void feedbackIsBookedOnce();
    void balanceShowsStanding();

private:
    CtlRun ctlOn(const QString& database, const QStringList& arguments) const
    {
        return CtlProcess::run(m_dir->path(), QStringList{QStringLiteral("--db"), database} + arguments);
    }
    QString path(const QString& name) const { return m_dir->filePath(name); }
    QString demoCopy() const;
    qint64 price(const QString& ean) const { return m_prices.value(ean, -1); }
    // The quantity of `ean` that costs at least `minor`.
    qint64 quantityFor(const QString& ean, qint64 minor) const { return minor / price(ean) + 1; }
    qint64 balanceOf(const QString& database, const QString& card) const;
    qint64 ledgerEntries(const QString& database) const;
    // A member whose demo opening balance is at least `points`.
    qint64 memberWithBalance(const QString& database, qint64 points) const;
    QString programmeFile(const QString& name, int version, const std::function<void(QJsonObject&)>& change) const;

    QTemporaryDir m_templateDir;
    QString m_template;
    QHash<QString, qint64> m_prices;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCtlProgramme::initTestCase()
{
    QVERIFY(m_templateDir.isValid());
    m_dir = std::make_unique<QTemporaryDir>();
    m_template = m_templateDir.filePath(QStringLiteral("template.db"));
    const CtlRun demo =
        ctlOn(m_template, {QStringLiteral("demo"), QStringLiteral("--members"), QString::number(kDemoMembers)});
    QVERIFY2(demo.exitCode == kExitOk, demo.describe().constData());
    const CtlRun catalogue =
        ctlOn(m_template, {QStringLiteral("products"), QStringLiteral("--limit"), QStringLiteral("1000"), kJson});
    QJsonObject json;
    QVERIFY(catalogue.json(json));
    for (const QJsonValue& row : json[QLatin1String("products")].toArray())
        m_prices.insert(row[QLatin1String("ean")].toString(), row[QLatin1String("price_minor")].toInteger());
    for (const QString& ean : {bakery(), drinks(), books()})
        QVERIFY2(price(ean) > 0, qPrintable(ean));
    m_dir.reset();
}

void TestCtlProgramme::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCtlProgramme::cleanup()
{
    m_dir.reset();
}

QString TestCtlProgramme::demoCopy() const
{
    const QString copy = path(QStringLiteral("till.db"));
    if (!QFile::copy(m_template, copy))
        return {};
    return copy;
}

qint64 TestCtlProgramme::balanceOf(const QString& database, const QString& card) const
{
    const CtlRun run = ctlOn(database, {QStringLiteral("balance"), card, kJson});
    QJsonObject json;
    if (run.exitCode != kExitOk || !run.json(json))
        return -1;
    return json[QLatin1String("balance")].toInteger(-1);
}

qint64 TestCtlProgramme::ledgerEntries(const QString& database) const
{
    RawDatabase raw(database);
    return raw.value(QStringLiteral("SELECT count(*) FROM ledger_entries")).toLongLong();
}

qint64 TestCtlProgramme::memberWithBalance(const QString& database, qint64 points) const
{
    RawDatabase raw(database);
    return raw
        .value(QStringLiteral("SELECT member_id FROM ledger_entries GROUP BY member_id HAVING sum(points) >= %1"
                              " ORDER BY member_id LIMIT 1")
                   .arg(points))
        .toLongLong();
}

QString TestCtlProgramme::programmeFile(const QString& name, int version,
                                        const std::function<void(QJsonObject&)>& change) const
{
    QFile demo(QStringLiteral(LOYALTY_SOURCE_DIR "/resources/programmes/demo.json"));
    if (!demo.open(QIODevice::ReadOnly))
        return {};
    QJsonObject document = QJsonDocument::fromJson(demo.readAll()).object();
    document.insert(QStringLiteral("version"), version);
    if (change)
        change(document);
    const QString file = path(name);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(document).toJson());
    return file;
}

void TestCtlProgramme::quoteWritesNothing()
{
    const QString db = demoCopy();
    const QByteArray before = sha256Of(db);
    QVERIFY(!before.isEmpty());
    const QStringList basket{kLine, bakery() + QStringLiteral(":3"), kLine, drinks()};
    for (const QStringList& extra :
         {QStringList{}, QStringList{kJson}, QStringList{kCard, cardOf(12)},
          QStringList{kCard, cardOf(12), kAt, kInsideHappyHour, QStringLiteral("--coupon"), QStringLiteral("WELCOME10"),
                      QStringLiteral("--redeem"), QStringLiteral("500"), kJson}}) {
        const CtlRun run = ctlOn(db, QStringList{QStringLiteral("quote")} + basket + extra);
        QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
        QVERIFY(run.err.isEmpty());
    }
    // Byte for byte: no sale, ledger entry, outbox event or coupon use, and no write-ahead log left.
    QCOMPARE(sha256Of(db), before);
    QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
    const CtlRun text = ctlOn(db, QStringList{QStringLiteral("quote")} + basket);
    QVERIFY(text.out.contains("Nothing was written"));
}

void TestCtlProgramme::quoteFollowsTheHappyHour_data()
{
    QTest::addColumn<bool>("member");
    QTest::addColumn<QString>("at");
    QTest::addColumn<bool>("happyHour");
    QTest::newRow("member inside") << true << kInsideHappyHour << true;
    QTest::newRow("member outside") << true << kOutsideHappyHour << false;
    QTest::newRow("non-member inside") << false << kInsideHappyHour << true;
    QTest::newRow("non-member outside") << false << kOutsideHappyHour << false;
    QTest::newRow("member on a Saturday at 17:30") << true << QStringLiteral("2026-12-26T17:30") << false;
}

void TestCtlProgramme::quoteFollowsTheHappyHour()
{
    QFETCH(bool, member);
    QFETCH(QString, at);
    QFETCH(bool, happyHour);
    const QString db = demoCopy();
    QStringList arguments{QStringLiteral("quote"), kLine, bakery() + QStringLiteral(":4"), kAt, at, kJson};
    if (member)
        arguments << kCard << cardOf(12);
    const CtlRun run = ctlOn(db, arguments);
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject quote;
    QVERIFY(run.json(quote));

    const qint64 total = price(bakery()) * 4;
    QCOMPARE(quote[QLatin1String("total_minor")].toInteger(), total);
    QCOMPARE(quote[QLatin1String("at")].toString(), at + QStringLiteral(":00"));
    const QJsonObject discount = effectFor(quote, kHappyHourRule);
    QCOMPARE(!discount.isEmpty(), happyHour);
    if (happyHour) {
        QCOMPARE(discount[QLatin1String("kind")].toString(), QStringLiteral("discount"));
        // 30 % off, rounded to a whole cent either way.
        QVERIFY(qAbs(discount[QLatin1String("discount_minor")].toInteger() * 10 - total * 3) <= 10);
        QVERIFY(!discount[QLatin1String("explanation")].toString().isEmpty());
    }
    const QJsonArray effects = quote[QLatin1String("effects")].toArray();
    QCOMPARE(quote[QLatin1String("discount_minor")].toInteger(), sumOf(effects, "discount_minor"));
    QCOMPARE(quote[QLatin1String("payable_minor")].toInteger(),
             total - quote[QLatin1String("discount_minor")].toInteger());

    if (member) {
        QCOMPARE(quote[QLatin1String("member_id")].toInteger(), 12);
        const qint64 earned = quote[QLatin1String("points_earned")].toInteger(-1);
        // 1 point per full euro paid.
        QCOMPARE(earned, quote[QLatin1String("payable_minor")].toInteger() / 100);
        QCOMPARE(quote[QLatin1String("balance_after")].toInteger(),
                 quote[QLatin1String("balance_before")].toInteger() + earned);
        QCOMPARE(quote[QLatin1String("balance_before")].toInteger(), balanceOf(db, cardOf(12)));
        QVERIFY(!effectFor(quote, QStringLiteral("earn.base")).isEmpty() || earned == 0);
    } else {
        QVERIFY(quote[QLatin1String("member_id")].isNull());
        QVERIFY(quote[QLatin1String("balance_before")].isNull());
        QVERIFY(quote[QLatin1String("balance_after")].isNull());
        QCOMPARE(quote[QLatin1String("points_earned")].toInteger(-1), 0);
        for (const QJsonValue& effect : effects)
            QCOMPARE(effect[QLatin1String("kind")].toString(), QStringLiteral("discount"));
    }

    arguments.removeAll(kJson);
    const CtlRun text = ctlOn(db, arguments);
    QVERIFY2(text.exitCode == kExitOk, text.describe().constData());
    if (happyHour)
        QVERIFY(text.out.contains(discount[QLatin1String("explanation")].toString().toUtf8()));
}

void TestCtlProgramme::quoteJsonShape()
{
    const QString db = demoCopy();
    const CtlRun run = ctlOn(db, {QStringLiteral("quote"), kCard, cardOf(12), kLine, bakery() + QStringLiteral(":2"),
                                  kLine, books(), kAt, kInsideHappyHour, kJson});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject quote;
    QVERIFY(run.json(quote));
    for (const char* key : {"at",
                            "programme_id",
                            "programme_version",
                            "member_id",
                            "member_name",
                            "card_number",
                            "currency",
                            "lines",
                            "effects",
                            "notices",
                            "item_count",
                            "total_minor",
                            "discount_minor",
                            "payable_minor",
                            "points_earned",
                            "points_redeemed",
                            "balance_before",
                            "balance_after",
                            "wallet_before_minor",
                            "wallet_after_minor"}) {
        QVERIFY2(quote.contains(QLatin1String(key)), key);
    }
    QCOMPARE(quote[QLatin1String("programme_id")].toString(), QStringLiteral("demo"));
    QCOMPARE(quote[QLatin1String("currency")].toString(), QStringLiteral("EUR"));
    QCOMPARE(quote[QLatin1String("item_count")].toInteger(), 3);
    // Amounts are whole minor units: JSON integers, never fractions.
    for (const char* key : {"total_minor", "discount_minor", "payable_minor", "points_earned", "balance_after"}) {
        QVERIFY2(quote[QLatin1String(key)].isDouble(), key);
        QCOMPARE(quote[QLatin1String(key)].toDouble(), double(quote[QLatin1String(key)].toInteger()));
    }
    const QJsonArray lines = quote[QLatin1String("lines")].toArray();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0][QLatin1String("ean")].toString(), bakery());
    QCOMPARE(lines[0][QLatin1String("quantity")].toInteger(), 2);
    QCOMPARE(lines[0][QLatin1String("line_total_minor")].toInteger(), 2 * price(bakery()));
    QVERIFY(lines[0][QLatin1String("paid_minor")].toInteger() < 2 * price(bakery()));  // happy hour
    QCOMPARE(lines[1][QLatin1String("paid_minor")].toInteger(), price(books()));       // books are not discountable

    const QJsonArray effects = quote[QLatin1String("effects")].toArray();
    QVERIFY(effects.size() >= 2);
    for (const QJsonValue& effect : effects) {
        for (const char* key : {"rule", "kind", "account", "amount", "discount_minor", "explanation", "code"})
            QVERIFY2(effect.toObject().contains(QLatin1String(key)), key);
        QVERIFY(!effect[QLatin1String("rule")].toString().isEmpty());
        QVERIFY(!effect[QLatin1String("explanation")].toString().isEmpty());
        QVERIFY(effect[QLatin1String("code")].isNull());
    }
    const QJsonObject earned = effectFor(quote, QStringLiteral("earn.base"));
    QCOMPARE(earned[QLatin1String("kind")].toString(), QStringLiteral("points_earned"));
    QCOMPARE(earned[QLatin1String("account")].toString(), QStringLiteral("points"));
    bool bakeryStamp = false;
    for (const QJsonValue& effect : effects)
        bakeryStamp |= effect[QLatin1String("account")].toString() == QStringLiteral("stamps:bakery");
    QVERIFY(bakeryStamp);
}

void TestCtlProgramme::quoteWithCoupon()
{
    const QString db = demoCopy();
    const QString basket = drinks() + u':' + QString::number(quantityFor(drinks(), 1500));
    const CtlRun run = ctlOn(db, {QStringLiteral("quote"), kCard, cardOf(12), kLine, basket, kAt, kWelcomeWindow,
                                  QStringLiteral("--coupon"), QStringLiteral("welcome10"), kJson});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject quote;
    QVERIFY(run.json(quote));
    const QJsonObject coupon = effectWithCode(quote, QStringLiteral("WELCOME10"));
    QVERIFY2(!coupon.isEmpty(), run.out.constData());
    QCOMPARE(coupon[QLatin1String("kind")].toString(), QStringLiteral("discount"));
    QVERIFY(coupon[QLatin1String("rule")].toString().contains(QLatin1String("welcome10")));
    const qint64 total = quote[QLatin1String("total_minor")].toInteger();
    QVERIFY(qAbs(coupon[QLatin1String("discount_minor")].toInteger() * 10 - total) <= 10);  // 10 %
    QVERIFY(quote[QLatin1String("notices")].toArray().isEmpty());

    // After the campaign and unknown codes: no discount, and a notice says why.
    for (const QStringList& extra :
         {QStringList{kAt, kAfterWelcome, QStringLiteral("--coupon"), QStringLiteral("WELCOME10")},
          QStringList{kAt, kWelcomeWindow, QStringLiteral("--coupon"), QStringLiteral("NOSUCHCODE")}}) {
        const CtlRun refused =
            ctlOn(db, QStringList{QStringLiteral("quote"), kCard, cardOf(12), kLine, basket, kJson} + extra);
        QVERIFY2(refused.exitCode == kExitOk, refused.describe().constData());
        QJsonObject json;
        QVERIFY(refused.json(json));
        QCOMPARE(json[QLatin1String("discount_minor")].toInteger(-1), 0);
        QVERIFY2(!json[QLatin1String("notices")].toArray().isEmpty(), refused.out.constData());
    }
}

void TestCtlProgramme::quoteLowersRedemptionWithNotice()
{
    const QString db = demoCopy();
    const qint64 member = memberWithBalance(db, 1500);
    QVERIFY(member > 0);
    const qint64 balance = balanceOf(db, cardOf(member));
    QVERIFY(balance >= 1500);
    // Drinks are discountable (books are not, so points cannot pay for them).
    const QString basket = drinks() + u':' + QString::number(quantityFor(drinks(), 20000));
    const CtlRun run = ctlOn(db, {QStringLiteral("quote"), kCard, cardOf(member), kLine, basket, kAt, kOutsideHappyHour,
                                  QStringLiteral("--redeem"), QStringLiteral("100000"), kJson});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject quote;
    QVERIFY(run.json(quote));
    const qint64 redeemed = quote[QLatin1String("points_redeemed")].toInteger();
    QVERIFY2(redeemed >= 500 && redeemed <= balance, run.out.constData());
    QCOMPARE(redeemed % 100, 0);  // whole steps of 100 points
    QVERIFY2(!quote[QLatin1String("notices")].toArray().isEmpty(), run.out.constData());
    QCOMPARE(quote[QLatin1String("discount_minor")].toInteger(), redeemed);  // 100 points are 1 euro
    QCOMPARE(quote[QLatin1String("balance_after")].toInteger(),
             balance - redeemed + quote[QLatin1String("points_earned")].toInteger());

    // Without a member nothing is redeemed, and the notice says so.
    const CtlRun anonymous =
        ctlOn(db, {QStringLiteral("quote"), kLine, basket, QStringLiteral("--redeem"), QStringLiteral("500"), kJson});
    QVERIFY2(anonymous.exitCode == kExitOk, anonymous.describe().constData());
    QVERIFY(anonymous.json(quote));
    QCOMPARE(quote[QLatin1String("points_redeemed")].toInteger(-1), 0);
    QVERIFY(!quote[QLatin1String("notices")].toArray().isEmpty());
}

void TestCtlProgramme::quoteRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown card") << QStringList{kCard, cardOf(kDemoMembers + 1), kLine, bakery()} << kExitNotFound;
    QTest::newRow("blocked card") << QStringList{kCard, DemoDataGenerator::blockedCardNumberFor(1000), kLine, bakery()}
                                  << kExitRefused;
    QTest::newRow("unknown product") << QStringList{kCard, cardOf(12), kLine, QStringLiteral("5901234123457")}
                                     << kExitNotFound;
    QTest::newRow("not a barcode") << QStringList{kLine, QStringLiteral("12345")} << kExitRefused;
    QTest::newRow("card as a line") << QStringList{kLine, cardOf(12)} << kExitRefused;
}

void TestCtlProgramme::quoteRefusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const QString db = demoCopy();
    const QByteArray before = sha256Of(db);
    for (const QStringList& extra : {QStringList{}, QStringList{kJson}}) {
        const CtlRun run = ctlOn(db, QStringList{QStringLiteral("quote")} + arguments + extra);
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errIsOneLine(), run.err.constData());
    }
    QCOMPARE(sha256Of(db), before);
}

void TestCtlProgramme::saleCommitsWhatTheQuoteShowed()
{
    const QString db = demoCopy();
    const qint64 member = memberWithBalance(db, 1000);
    QVERIFY(member > 0);
    const QStringList arguments{kCard,
                                cardOf(member),
                                kLine,
                                bakery() + QStringLiteral(":3"),
                                kLine,
                                drinks() + u':' + QString::number(quantityFor(drinks(), 2500)),
                                kAt,
                                QStringLiteral("2026-12-23T17:45"),
                                QStringLiteral("--coupon"),
                                QStringLiteral("WELCOME10"),
                                QStringLiteral("--redeem"),
                                QStringLiteral("500"),
                                kJson};
    const CtlRun quoted = ctlOn(db, QStringList{QStringLiteral("quote")} + arguments);
    QVERIFY2(quoted.exitCode == kExitOk, quoted.describe().constData());
    QJsonObject quote;
    QVERIFY(quoted.json(quote));
    QCOMPARE(quote[QLatin1String("points_redeemed")].toInteger(), 500);
    QVERIFY2(!effectWithCode(quote, QStringLiteral("WELCOME10")).isEmpty(), quoted.out.constData());
    QVERIFY2(!effectFor(quote, kHappyHourRule).isEmpty(), quoted.out.constData());

    const CtlRun sold = ctlOn(db, QStringList{QStringLiteral("sale")} + arguments);
    QVERIFY2(sold.exitCode == kExitOk, sold.describe().constData());
    QJsonObject sale;
    QVERIFY(sold.json(sale));
    QCOMPARE(sale[QLatin1String("effects")].toArray(), quote[QLatin1String("effects")].toArray());
    QCOMPARE(sale[QLatin1String("notices")].toArray(), quote[QLatin1String("notices")].toArray());
    for (const char* key : {"total_minor", "discount_minor", "payable_minor", "points_earned", "points_redeemed"})
        QCOMPARE(sale[QLatin1String(key)].toInteger(), quote[QLatin1String(key)].toInteger());
    QCOMPARE(sale[QLatin1String("new_balance")].toInteger(), quote[QLatin1String("balance_after")].toInteger());
    QCOMPARE(sale[QLatin1String("programme_version")].toInteger(), 1);
    // Recorded at the --at moment (stored in UTC).
    QVERIFY(sale[QLatin1String("completed_at")].toString().startsWith(QStringLiteral("2026-12-23T")));
    QCOMPARE(balanceOf(db, cardOf(member)), quote[QLatin1String("balance_after")].toInteger());

    const qint64 saleId = sale[QLatin1String("id")].toInteger();
    {
        RawDatabase raw(db);
        QCOMPARE(
            raw.value(QStringLiteral("SELECT count(*) FROM sale_effects WHERE sale_id = %1").arg(saleId)).toLongLong(),
            qint64(quote[QLatin1String("effects")].toArray().size()));
        QCOMPARE(raw.value(QStringLiteral("SELECT discount_minor FROM sales WHERE id = %1").arg(saleId)).toLongLong(),
                 quote[QLatin1String("discount_minor")].toInteger());
    }
    const CtlRun check = ctlOn(db, {QStringLiteral("check")});
    QVERIFY2(check.exitCode == kExitOk, check.describe().constData());

    const CtlRun text = ctlOn(db, {QStringLiteral("sale"), kCard, cardOf(member), kLine, bakery()});
    QVERIFY2(text.exitCode == kExitOk, text.describe().constData());
    QVERIFY(text.out.contains("Effects:"));
}

void TestCtlProgramme::programmeLoadActivatesValidDocument()
{
    const QString db = demoCopy();
    const CtlRun shown = ctlOn(db, {QStringLiteral("programme"), QStringLiteral("show"), kJson});
    QVERIFY2(shown.exitCode == kExitOk, shown.describe().constData());
    QJsonObject json;
    QVERIFY(shown.json(json));
    QCOMPARE(json[QLatin1String("id")].toString(), QStringLiteral("demo"));
    QCOMPARE(json[QLatin1String("version")].toInteger(), 1);
    QCOMPARE(json[QLatin1String("rules_count")].toInteger(), 14);
    QCOMPARE(json[QLatin1String("rules")].toArray().size(), 14);
    QCOMPARE(json[QLatin1String("rules")].toArray().first()[QLatin1String("id")].toString(),
             QStringLiteral("earn.base"));
    QCOMPARE(json[QLatin1String("rules")].toArray().first()[QLatin1String("type")].toString(),
             QStringLiteral("points_per_amount"));

    // Version 2 pays 2 points per euro.
    const QString file = programmeFile(QStringLiteral("v2.json"), 2, [](QJsonObject& document) {
        QJsonArray rules = document[QLatin1String("rules")].toArray();
        QJsonObject base = rules[0].toObject();
        base.insert(QStringLiteral("points"), 2);
        rules[0] = base;
        document.insert(QStringLiteral("rules"), rules);
    });
    QVERIFY(!file.isEmpty());
    const CtlRun loaded = ctlOn(db, {QStringLiteral("programme"), QStringLiteral("load"), file, kJson});
    QVERIFY2(loaded.exitCode == kExitOk, loaded.describe().constData());
    QVERIFY(loaded.json(json));
    QCOMPARE(json[QLatin1String("version")].toInteger(), 2);

    QVERIFY(ctlOn(db, {QStringLiteral("programme"), QStringLiteral("show"), kJson}).json(json));
    QCOMPARE(json[QLatin1String("version")].toInteger(), 2);
    const CtlRun quoted = ctlOn(db, {QStringLiteral("quote"), kCard, cardOf(12), kLine, books(), kJson});
    QVERIFY(quoted.json(json));
    QCOMPARE(json[QLatin1String("programme_version")].toInteger(), 2);
    QCOMPARE(json[QLatin1String("points_earned")].toInteger(), price(books()) / 100 * 2);

    const CtlRun text = ctlOn(db, {QStringLiteral("programme"), QStringLiteral("show")});
    QVERIFY(text.out.contains("promo.bakery_happy_hour"));
    QVERIFY(text.out.contains("percent_discount"));
}

void TestCtlProgramme::programmeLoadRefusesInvalidDocument_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("inMessage");
    QTest::newRow("negative points") << QStringLiteral("negative points") << kExitRefused
                                     << QStringLiteral("$.rules[3].points");
    QTest::newRow("unknown rule type") << QStringLiteral("unknown type") << kExitRefused
                                       << QStringLiteral("$.rules[1].type");
    QTest::newRow("not newer") << QStringLiteral("not newer") << kExitRefused << QStringLiteral("version 1");
    QTest::newRow("not JSON") << QStringLiteral("not json") << kExitRefused << QStringLiteral("$");
    QTest::newRow("no such file") << QStringLiteral("missing") << kExitNotFound << QStringLiteral("missing.json");
}

void TestCtlProgramme::programmeLoadRefusesInvalidDocument()
{
    QFETCH(QString, problem);
    QFETCH(int, exitCode);
    QFETCH(QString, inMessage);
    const QString db = demoCopy();
    QString file;
    if (problem == QLatin1String("negative points")) {
        file = programmeFile(QStringLiteral("bad.json"), 5, [](QJsonObject& document) {
            QJsonArray rules = document[QLatin1String("rules")].toArray();
            QJsonObject rule = rules[3].toObject();
            rule.insert(QStringLiteral("points"), -5);
            rules[3] = rule;
            document.insert(QStringLiteral("rules"), rules);
        });
    } else if (problem == QLatin1String("unknown type")) {
        file = programmeFile(QStringLiteral("bad.json"), 5, [](QJsonObject& document) {
            QJsonArray rules = document[QLatin1String("rules")].toArray();
            QJsonObject rule = rules[1].toObject();
            rule.insert(QStringLiteral("type"), QStringLiteral("tripple_points"));
            rules[1] = rule;
            document.insert(QStringLiteral("rules"), rules);
        });
    } else if (problem == QLatin1String("not newer")) {
        file = programmeFile(QStringLiteral("old.json"), 1, {});
    } else if (problem == QLatin1String("not json")) {
        file = path(QStringLiteral("bad.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{ \"format\": 1, ");
    } else {
        file = path(QStringLiteral("missing.json"));
    }
    QVERIFY(!file.isEmpty());
    const QByteArray before = sha256Of(db);
    for (const QStringList& extra : {QStringList{}, QStringList{kJson}}) {
        const CtlRun run = ctlOn(db, QStringList{QStringLiteral("programme"), QStringLiteral("load"), file} + extra);
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errIsOneLine(), run.err.constData());
        QVERIFY2(run.err.contains(inMessage.toUtf8()), run.err.constData());
    }
    QCOMPARE(sha256Of(db), before);
    QJsonObject json;
    QVERIFY(ctlOn(db, {QStringLiteral("programme"), QStringLiteral("show"), kJson}).json(json));
    QCOMPARE(json[QLatin1String("version")].toInteger(), 1);  // the previous programme stays active
}

void TestCtlProgramme::returnRestoresBalance()
{
    const QString db = demoCopy();
    const qint64 before = balanceOf(db, cardOf(12));
    QVERIFY(before >= 0);
    const CtlRun sold = ctlOn(db, {QStringLiteral("sale"), kCard, cardOf(12), kLine, books() + QStringLiteral(":2"),
                                   kLine, drinks() + QStringLiteral(":3"), kAt, kOutsideHappyHour, kJson});
    QVERIFY2(sold.exitCode == kExitOk, sold.describe().constData());
    QJsonObject sale;
    QVERIFY(sold.json(sale));
    const qint64 earned = sale[QLatin1String("points_earned")].toInteger();
    QVERIFY(earned > 0);
    QCOMPARE(balanceOf(db, cardOf(12)), before + earned);

    // One book back by the sale's number, the rest by its UUID.
    const QString id = QString::number(sale[QLatin1String("id")].toInteger());
    const CtlRun first = ctlOn(db, {QStringLiteral("return"), QStringLiteral("--sale"), id, kLine, books(), kJson});
    QVERIFY2(first.exitCode == kExitOk, first.describe().constData());
    QJsonObject returned;
    QVERIFY(first.json(returned));
    QCOMPARE(returned[QLatin1String("refund_minor")].toInteger(), price(books()));
    QVERIFY(!returned[QLatin1String("reversed")].toArray().isEmpty());
    QVERIFY(returned[QLatin1String("new_balance")].toInteger() < before + earned);

    const CtlRun rest =
        ctlOn(db, {QStringLiteral("return"), QStringLiteral("--sale"), sale[QLatin1String("uuid")].toString(), kLine,
                   books(), kLine, drinks() + QStringLiteral(":3")});
    QVERIFY2(rest.exitCode == kExitOk, rest.describe().constData());
    QVERIFY(rest.out.contains("Refund:"));
    QCOMPARE(balanceOf(db, cardOf(12)), before);
    RawDatabase raw(db);
    QCOMPARE(raw.value(QStringLiteral("SELECT sum(refund_minor) FROM sale_returns")).toLongLong(),
             sale[QLatin1String("payable_minor")].toInteger());
}

void TestCtlProgramme::returnRefusesWhatWasNotSold()
{
    const QString db = demoCopy();
    const CtlRun sold = ctlOn(db, {QStringLiteral("sale"), kCard, cardOf(12), kLine, books(), kJson});
    QVERIFY2(sold.exitCode == kExitOk, sold.describe().constData());
    QJsonObject sale;
    QVERIFY(sold.json(sale));
    const QString id = QString::number(sale[QLatin1String("id")].toInteger());
    const qint64 entries = ledgerEntries(db);
    const QList<std::pair<QStringList, int>> cases{
        {{QStringLiteral("--sale"), id, kLine, books() + QStringLiteral(":2")}, kExitRefused},  // one was sold
        {{QStringLiteral("--sale"), id, kLine, drinks()}, kExitNotFound},                       // not in the sale
        {{QStringLiteral("--sale"), QStringLiteral("999"), kLine, books()}, kExitNotFound},
        {{QStringLiteral("--sale"), QStringLiteral("00000000-0000-4000-8000-000000000000"), kLine, books()},
         kExitNotFound},
        {{QStringLiteral("--sale"), QStringLiteral("yesterday"), kLine, books()}, kExitRefused},
    };
    for (const auto& [arguments, exitCode] : cases) {
        const CtlRun run = ctlOn(db, QStringList{QStringLiteral("return")} + arguments);
        QVERIFY2(run.exitCode == exitCode, run.describe().constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errIsOneLine(), run.err.constData());
    }
    QCOMPARE(ledgerEntries(db), entries);
}

void TestCtlProgramme::expireIsIdempotent()
{
    const QString db = demoCopy();
    const qint64 opening = balanceOf(db, cardOf(12));
    // Points earned in March 2024 expire when 2026 begins (end of the following year).
    const CtlRun sold = ctlOn(db, {QStringLiteral("sale"), kCard, cardOf(12), kLine, books(), kAt,
                                   QStringLiteral("2024-03-01T10:00"), kJson});
    QVERIFY2(sold.exitCode == kExitOk, sold.describe().constData());
    QJsonObject sale;
    QVERIFY(sold.json(sale));
    QVERIFY(sale[QLatin1String("points_earned")].toInteger() > 0);

    QJsonObject json;
    const CtlRun early = ctlOn(db, {QStringLiteral("expire"), kAt, QStringLiteral("2025-12-31T23:00"), kJson});
    QVERIFY2(early.exitCode == kExitOk, early.describe().constData());
    QVERIFY(early.json(json));
    QCOMPARE(json[QLatin1String("members")].toInteger(-1), 0);

    const CtlRun first = ctlOn(db, {QStringLiteral("expire"), kAt, QStringLiteral("2026-01-02T08:00"), kJson});
    QVERIFY2(first.exitCode == kExitOk, first.describe().constData());
    QVERIFY(first.json(json));
    QCOMPARE(json[QLatin1String("members")].toInteger(), 1);
    QCOMPARE(balanceOf(db, cardOf(12)), opening);
    const qint64 entries = ledgerEntries(db);

    const CtlRun second = ctlOn(db, {QStringLiteral("expire"), kAt, QStringLiteral("2026-01-02T08:00"), kJson});
    QVERIFY2(second.exitCode == kExitOk, second.describe().constData());
    QVERIFY(second.json(json));
    QCOMPARE(json[QLatin1String("members")].toInteger(-1), 0);
    QCOMPARE(ledgerEntries(db), entries);
    QCOMPARE(balanceOf(db, cardOf(12)), opening);

    const CtlRun now = ctlOn(db, {QStringLiteral("expire")});  // without --at: today
    QVERIFY2(now.exitCode == kExitOk, now.describe().constData());
    QCOMPARE(ledgerEntries(db), entries);
    const CtlRun check = ctlOn(db, {QStringLiteral("check")});
    QVERIFY2(check.exitCode == kExitOk, check.describe().constData());
}

void TestCtlProgramme::feedbackIsBookedOnce()
{
    const QString db = demoCopy();
    const CtlRun sold = ctlOn(db, {QStringLiteral("sale"), kCard, cardOf(12), kLine, books(), kJson});
    QVERIFY2(sold.exitCode == kExitOk, sold.describe().constData());
    QJsonObject sale;
    QVERIFY(sold.json(sale));
    const qint64 afterSale = sale[QLatin1String("new_balance")].toInteger();

    const CtlRun first = ctlOn(
        db, {QStringLiteral("feedback"), QStringLiteral("--sale"), sale[QLatin1String("uuid")].toString(), kJson});
    QVERIFY2(first.exitCode == kExitOk, first.describe().constData());
    QJsonObject booked;
    QVERIFY(first.json(booked));
    QCOMPARE(booked[QLatin1String("points")].toInteger(), 20);  // the demo programme's feedback rule
    QCOMPARE(booked[QLatin1String("new_balance")].toInteger(), afterSale + 20);
    QCOMPARE(balanceOf(db, cardOf(12)), afterSale + 20);
    const qint64 entries = ledgerEntries(db);

    const QString id = QString::number(sale[QLatin1String("id")].toInteger());
    for (const QStringList& extra : {QStringList{}, QStringList{kJson}}) {
        const CtlRun again = ctlOn(db, QStringList{QStringLiteral("feedback"), QStringLiteral("--sale"), id} + extra);
        QVERIFY2(again.exitCode == kExitRefused, again.describe().constData());
        QVERIFY(again.out.isEmpty());
        QVERIFY2(again.errIsOneLine(), again.err.constData());
        QVERIFY(again.err.contains("already"));
    }
    QCOMPARE(ledgerEntries(db), entries);
    QCOMPARE(balanceOf(db, cardOf(12)), afterSale + 20);

    // A sale without member has nobody to give points to.
    const CtlRun anonymous = ctlOn(db, {QStringLiteral("sale"), kLine, books(), kJson});
    QVERIFY(anonymous.json(sale));
    const CtlRun nobody = ctlOn(db, {QStringLiteral("feedback"), QStringLiteral("--sale"),
                                     QString::number(sale[QLatin1String("id")].toInteger())});
    QVERIFY2(nobody.exitCode == kExitRefused, nobody.describe().constData());
    const CtlRun unknown = ctlOn(db, {QStringLiteral("feedback"), QStringLiteral("--sale"), QStringLiteral("999")});
    QVERIFY2(unknown.exitCode == kExitNotFound, unknown.describe().constData());
    QCOMPARE(ledgerEntries(db), entries);

    RawDatabase raw(db);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM feedback_answers")).toLongLong(), 1);
    QCOMPARE(
        raw.value(QStringLiteral("SELECT count(*) FROM outbox_events WHERE type = 'feedback.answered'")).toLongLong(),
        1);
    const CtlRun check = ctlOn(db, {QStringLiteral("check")});
    QVERIFY2(check.exitCode == kExitOk, check.describe().constData());
}

void TestCtlProgramme::balanceShowsStanding()
{
    const QString db = demoCopy();
    const CtlRun sold = ctlOn(db, {QStringLiteral("sale"), kCard, cardOf(12), kLine, bakery(), kJson});
    QVERIFY2(sold.exitCode == kExitOk, sold.describe().constData());

    const CtlRun run = ctlOn(db, {QStringLiteral("balance"), cardOf(12), kJson});
    QVERIFY2(run.exitCode == kExitOk, run.describe().constData());
    QJsonObject json;
    QVERIFY(run.json(json));
    // The fields balance always had...
    for (const char* key : {"card_number", "card_state", "member_id", "member_name", "balance"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    // ...and the member's standing in the programme.
    QCOMPARE(json[QLatin1String("wallet_minor")].toInteger(-1), 0);
    QCOMPARE(json[QLatin1String("tier")].toString(), QStringLiteral("bronze"));
    QCOMPARE(json[QLatin1String("next_tier")].toString(), QStringLiteral("silver"));
    QVERIFY(json[QLatin1String("needed_for_next")].toInteger() > 0);
    QVERIFY(!json[QLatin1String("tier_progress")].toString().isEmpty());
    QVERIFY(json[QLatin1String("expiring_points")].isDouble());
    bool bakeryCard = false;
    for (const QJsonValue& card : json[QLatin1String("stamps")].toArray()) {
        if (card[QLatin1String("card")].toString() == QLatin1String("bakery")) {
            bakeryCard = true;
            QCOMPARE(card[QLatin1String("stamps")].toInteger(), 1);
            QCOMPARE(card[QLatin1String("needed")].toInteger(), 8);
        }
    }
    QVERIFY(bakeryCard);

    const CtlRun text = ctlOn(db, {QStringLiteral("balance"), cardOf(12)});
    QVERIFY2(text.exitCode == kExitOk, text.describe().constData());
    for (const char* expected : {"Balance:", "Wallet:", "Bakery card", "1 of 8", "Tier:", "Bronze"})
        QVERIFY2(text.out.contains(expected), expected);
}

QTEST_GUILESS_MAIN(TestCtlProgramme)
#include "TestCtlProgramme.moc"
