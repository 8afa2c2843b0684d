// The customer-value hint on the member panel: A customers by an ABC analysis of the last 12
// months' member revenue (checked against an independent computation on a generated dataset, the
// threshold cached per day), and expiring points with the best reward the member can afford.
#include "account/StoredTime.h"
#include "hints/CustomerValueHint.h"
#include "settings/SettingsRepository.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <memory>

using namespace loyalty;

class TestCustomerValueHint final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aCustomersMatchAnIndependentAbcAnalysis();
    void tiesAtTheThresholdAreACustomers();
    void thresholdIsCachedForTheDay();
    void expiringPointsNameTheBestAffordableReward();
    void expiringWithoutAffordableReward();
    void settingsSwitchHintsOff();
    void aCustomerWithExpiringPoints();

private:
    qint64 member();
    qint64 sale(std::optional<qint64> memberId, const QDateTime& at, qint64 minor);
    void refund(qint64 saleId, qint64 minor);
    void lot(qint64 memberId, qint64 points, const QDate& expiresOn);
    void set(const QString& key, const QString& value);
    std::optional<CustomerHint> hintFor(qint64 memberId, const Programme& programme);
    // The A customers computed here, without the hint's SQL: every sale of the window read one by
    // one, net revenue summed per member in C++, sorted, cumulated until 80 % of the total.
    QSet<qint64> independentACustomers(qint64* threshold) const;
    static Programme programme();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<CustomerValueHint> m_hints;
};

namespace {
const QDateTime kNow(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
const Programme kNoRewards{};
}  // namespace

void TestCustomerValueHint::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<FixedClock>(kNow);
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    m_hints = std::make_unique<CustomerValueHint>(*m_database, *m_clock);
}

void TestCustomerValueHint::cleanup()
{
    m_hints.reset();
    m_database.reset();
}

qint64 TestCustomerValueHint::member()
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO members (name, enrolled_at, uuid) VALUES ('Test', ?, ?)"));
    query.bindValue(0, m_clock->nowIso());
    query.bindValue(1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!query.exec())
        qWarning("%s", qPrintable(query.lastError().text()));
    return query.lastInsertId().toLongLong();
}

qint64 TestCustomerValueHint::sale(std::optional<qint64> memberId, const QDateTime& at, qint64 minor)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO sales (uuid, till_id, member_id, currency, total_minor, state,"
                                 " completed_at) VALUES (?, 'till', ?, 'EUR', ?, 'completed', ?)"));
    query.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
    query.bindValue(1, memberId ? QVariant(*memberId) : QVariant(QMetaType::fromType<qint64>()));
    query.bindValue(2, minor);
    query.bindValue(3, StoredTime::instant(at));
    if (!query.exec())
        qWarning("%s", qPrintable(query.lastError().text()));
    return query.lastInsertId().toLongLong();
}

void TestCustomerValueHint::refund(qint64 saleId, qint64 minor)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO sale_returns (uuid, sale_id, refund_minor, created_at)"
                                 " VALUES (?, ?, ?, ?)"));
    query.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
    query.bindValue(1, saleId);
    query.bindValue(2, minor);
    query.bindValue(3, m_clock->nowIso());
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

void TestCustomerValueHint::lot(qint64 memberId, qint64 points, const QDate& expiresOn)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO ledger_entries (member_id, kind, points, reason, created_at, account,"
                                 " expires_on) VALUES (?, 'earn', ?, 'test', ?, 'points', ?)"));
    query.bindValue(0, memberId);
    query.bindValue(1, points);
    query.bindValue(2, m_clock->nowIso());
    query.bindValue(3, expiresOn.isValid() ? QVariant(expiresOn.toString(Qt::ISODate))
                                           : QVariant(QMetaType::fromType<QString>()));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

void TestCustomerValueHint::set(const QString& key, const QString& value)
{
    QVERIFY(SettingsRepository(m_database->connection()).setValue(key, value).ok());
}

std::optional<CustomerHint> TestCustomerValueHint::hintFor(qint64 memberId, const Programme& programme)
{
    const auto hint = m_hints->forMember(memberId, programme);
    if (!hint) {
        qWarning("%s", qPrintable(hint.error().message));
        return std::nullopt;
    }
    return *hint;
}

QSet<qint64> TestCustomerValueHint::independentACustomers(qint64* threshold) const
{
    const QDate today = kNow.toLocalTime().date();
    const QDateTime from = today.addMonths(-12).startOfDay();
    const QDateTime to = today.startOfDay();
    QSqlQuery query(m_database->connection());
    QMap<qint64, qint64> revenue;
    if (!query.exec(QStringLiteral("SELECT id, member_id, total_minor, completed_at FROM sales")))
        return {};
    QMap<qint64, qint64> saleMember;
    while (query.next()) {
        const QDateTime at = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
        if (query.value(1).isNull() || at < from || at >= to)
            continue;
        saleMember[query.value(0).toLongLong()] = query.value(1).toLongLong();
        revenue[query.value(1).toLongLong()] += query.value(2).toLongLong();
    }
    if (!query.exec(QStringLiteral("SELECT sale_id, refund_minor FROM sale_returns")))
        return {};
    while (query.next()) {
        const qint64 saleId = query.value(0).toLongLong();
        if (saleMember.contains(saleId))
            revenue[saleMember.value(saleId)] -= query.value(1).toLongLong();
    }
    QList<std::pair<qint64, qint64>> ranked;  // revenue, member
    qint64 total = 0;
    for (auto it = revenue.cbegin(); it != revenue.cend(); ++it) {
        if (it.value() > 0) {
            ranked.append({it.value(), it.key()});
            total += it.value();
        }
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    qint64 running = 0;
    *threshold = 0;
    for (const auto& [minor, memberId] : ranked) {
        if (running * 100 >= total * 80)
            break;
        running += minor;
        *threshold = minor;
    }
    QSet<qint64> a;
    for (const auto& [minor, memberId] : ranked) {
        if (*threshold > 0 && minor >= *threshold)
            a.insert(memberId);
    }
    return a;
}

Programme TestCustomerValueHint::programme()
{
    Programme p;
    p.id = QStringLiteral("test");
    p.currency = QStringLiteral("EUR");
    p.redemption.pointsPerStep = 100;
    p.redemption.valueMinorPerStep = 100;
    p.redemption.minimumPoints = 500;
    const auto reward = [](const char* name, Points points) {
        RewardDefinition r;
        r.id = QString::fromLatin1(name).toLower();
        r.name = QString::fromLatin1(name);
        r.points = points;
        return r;
    };
    p.rewards = {reward("Croissant", 150), reward("Breakfast", 500), reward("Coffee", 300), reward("Mug", 800)};
    return p;
}

void TestCustomerValueHint::aCustomersMatchAnIndependentAbcAnalysis()
{
    // 60 members with a skewed spend (a few big spenders, many small), sales spread over 15
    // months, some without member, some refunded, some on the window's edges.
    quint32 seed = 12345;
    const auto next = [&seed](quint32 below) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) % below;
    };
    QList<qint64> members;
    for (int i = 0; i < 60; ++i)
        members << member();
    for (int i = 0; i < 900; ++i) {
        const qint64 who = members.at(int(next(60)));
        const qint64 weight = who % 7 == 0 ? 20 : who % 3 == 0 ? 4 : 1;
        const QDateTime at = kNow.addSecs(-qint64(next(460)) * 86400 - qint64(next(86400)));
        const qint64 saleId =
            sale(next(10) == 0 ? std::nullopt : std::optional<qint64>(who), at, weight * (100 + qint64(next(5000))));
        if (next(25) == 0)
            refund(saleId, 50);
    }
    const qint64 edgeMember = members.at(1);
    sale(edgeMember, kNow.date().addMonths(-12).startOfDay().addSecs(-1), 9'000'000);  // just before: out
    sale(edgeMember, kNow, 9'000'000);                                                 // today: out
    sale(members.at(2), kNow.date().addMonths(-12).startOfDay(), 777);                 // first instant: in

    qint64 threshold = 0;
    const QSet<qint64> expected = independentACustomers(&threshold);
    QVERIFY(threshold > 0);
    QVERIFY(!expected.isEmpty() && expected.size() < members.size());
    const auto computed = m_hints->aThresholdMinor();
    QVERIFY(computed.ok());
    QCOMPARE(*computed, threshold);
    for (const qint64 id : members) {
        const auto hint = hintFor(id, kNoRewards);
        QCOMPARE(hint.has_value(), expected.contains(id));
        if (hint) {
            QCOMPARE(hint->kind, CustomerHint::Kind::ACustomer);
            QCOMPARE(hint->severity, CustomerHint::Severity::Info);
            QVERIFY(hint->aCustomer);
            QVERIFY(!hint->text.isEmpty());
        }
    }
    // The edge member's two big sales outside the window did not make them an A customer.
    const auto edgeRevenue = m_hints->revenueMinor(edgeMember);
    QVERIFY(edgeRevenue.ok());
    QVERIFY(*edgeRevenue < 9'000'000);
}

void TestCustomerValueHint::tiesAtTheThresholdAreACustomers()
{
    // 50, 20, 20, 10 of 100: the first three bring 90 %; the third is in because the first two
    // brought 70 % (< 80 %), and the fourth, with less, is not. Equal revenue, equal class.
    const QDateTime at = kNow.addDays(-10);
    const qint64 a = member();
    const qint64 b = member();
    const qint64 c = member();
    const qint64 d = member();
    sale(a, at, 5000);
    const qint64 bSale = sale(b, at, 2000);
    sale(c, at, 2000);
    sale(d, at, 1000);
    const auto threshold = m_hints->aThresholdMinor();
    QVERIFY(threshold.ok());
    QCOMPARE(*threshold, 2000);
    QVERIFY(hintFor(a, kNoRewards).has_value());
    QVERIFY(hintFor(b, kNoRewards).has_value());
    QVERIFY(hintFor(c, kNoRewards).has_value());
    QVERIFY(!hintFor(d, kNoRewards).has_value());

    // A refund counts against the sale: b now brought 5 of 85 and drops out (tomorrow's figure).
    refund(bSale, 1500);
    m_clock->set(kNow.addDays(1));
    QCOMPARE(*m_hints->aThresholdMinor(), 2000);
    QCOMPARE(*m_hints->revenueMinor(b), 500);
    QVERIFY(hintFor(a, kNoRewards).has_value());
    QVERIFY(!hintFor(b, kNoRewards).has_value());
    QVERIFY(hintFor(c, kNoRewards).has_value());
    QVERIFY(!hintFor(d, kNoRewards).has_value());
}

void TestCustomerValueHint::thresholdIsCachedForTheDay()
{
    const qint64 a = member();
    const qint64 b = member();
    sale(a, kNow.addDays(-3), 9000);
    sale(b, kNow.addDays(-3), 1000);
    QCOMPARE(*m_hints->aThresholdMinor(), 9000);
    // A big spender from yesterday changes nothing today (cached) ...
    const qint64 c = member();
    sale(c, kNow.addDays(-1), 100000);
    QCOMPARE(*m_hints->aThresholdMinor(), 9000);
    // ... not even for a new instance (a restart of the till program): the day's figure is kept.
    CustomerValueHint restarted(*m_database, *m_clock);
    QCOMPARE(*restarted.aThresholdMinor(), 9000);
    // ... and counts from tomorrow on.
    m_clock->set(kNow.addDays(1));
    QCOMPARE(*m_hints->aThresholdMinor(), 100000);
    QCOMPARE(*restarted.aThresholdMinor(), 100000);
    QVERIFY(!hintFor(a, kNoRewards).has_value());
    QVERIFY(hintFor(c, kNoRewards).has_value());
}

void TestCustomerValueHint::expiringPointsNameTheBestAffordableReward()
{
    const qint64 m = member();
    lot(m, 120, QDate(2026, 12, 15));  // gone on 15 December: usable until the 14th
    lot(m, 400, {});
    const auto hint = hintFor(m, programme());
    QVERIFY(hint.has_value());
    QCOMPARE(hint->kind, CustomerHint::Kind::ExpiringPoints);
    QCOMPARE(hint->severity, CustomerHint::Severity::Offer);
    QVERIFY(!hint->aCustomer);
    const QString day = QLocale().toString(QDate(2026, 12, 14), QLocale::ShortFormat);
    // Without a loaded translation the plural reads "point(s)"; the English .ts says "points".
    QVERIFY2(hint->text.startsWith(QStringLiteral("120 point")), qPrintable(hint->text));
    QVERIFY2(hint->text.contains(QStringLiteral(" expire on %1 — ").arg(day)), qPrintable(hint->text));
    // 520 points: the Breakfast (500) is the dearest they can afford; not the Mug (800).
    QVERIFY2(hint->text.contains(QStringLiteral("500-point reward “Breakfast”")), qPrintable(hint->text));

    // A lot gone in 40 days is not "expiring" with the default 30 days, but is with 60.
    const qint64 later = member();
    lot(later, 200, QDate(2027, 1, 1));
    QVERIFY(!hintFor(later, programme()).has_value());
    set(CustomerValueHint::kExpiringDaysKey, QStringLiteral("60"));
    const auto withSixty = hintFor(later, programme());
    QVERIFY(withSixty.has_value());
    QVERIFY2(withSixty->text.contains(QStringLiteral("150-point reward “Croissant”")), qPrintable(withSixty->text));
}

void TestCustomerValueHint::expiringWithoutAffordableReward()
{
    const qint64 poor = member();
    lot(poor, 120, QDate(2026, 12, 1));
    const auto plain = hintFor(poor, programme());
    QVERIFY(plain.has_value());
    const QString day = QLocale().toString(QDate(2026, 11, 30), QLocale::ShortFormat);
    QVERIFY2(plain->text.startsWith(QStringLiteral("120 point")), qPrintable(plain->text));
    QVERIFY2(plain->text.endsWith(QStringLiteral(" expire on %1").arg(day)), qPrintable(plain->text));

    // No reward catalogue, but points pay: the hint offers that, with their worth.
    Programme payOnly = programme();
    payOnly.rewards.clear();
    payOnly.redemption.minimumPoints = 0;
    const auto pay = hintFor(poor, payOnly);
    QVERIFY(pay.has_value());
    QVERIFY2(pay->text.contains(QStringLiteral("offer to pay with points")), qPrintable(pay->text));
    QVERIFY2(pay->text.contains(QStringLiteral("1.00")), qPrintable(pay->text));
}

void TestCustomerValueHint::settingsSwitchHintsOff()
{
    const qint64 a = member();
    sale(a, kNow.addDays(-5), 5000);
    lot(a, 120, QDate(2026, 12, 1));
    QVERIFY(hintFor(a, programme()).has_value());

    set(CustomerValueHint::kMinExpiringPointsKey, QStringLiteral("200"));
    auto hint = hintFor(a, programme());
    QVERIFY(hint.has_value());
    QCOMPARE(hint->kind, CustomerHint::Kind::ACustomer);  // 120 < 200: only the A hint is left

    set(CustomerValueHint::kACustomerKey, QStringLiteral("0"));
    QVERIFY(!hintFor(a, programme()).has_value());

    set(CustomerValueHint::kMinExpiringPointsKey, QStringLiteral("1"));
    hint = hintFor(a, programme());
    QVERIFY(hint.has_value());
    QCOMPARE(hint->kind, CustomerHint::Kind::ExpiringPoints);
    QVERIFY(!hint->aCustomer);

    set(CustomerValueHint::kEnabledKey, QStringLiteral("0"));
    QVERIFY(!hintFor(a, programme()).has_value());
    const auto unknown = m_hints->forMember(999999, programme());
    QVERIFY(unknown.ok());
    QVERIFY(!unknown->has_value());
}

void TestCustomerValueHint::aCustomerWithExpiringPoints()
{
    const qint64 a = member();
    const qint64 b = member();
    sale(a, kNow.addDays(-5), 9000);
    sale(b, kNow.addDays(-5), 1000);
    lot(a, 300, QDate(2026, 12, 10));
    const auto hint = hintFor(a, programme());
    QVERIFY(hint.has_value());
    QCOMPARE(hint->kind, CustomerHint::Kind::ExpiringPoints);
    QVERIFY(hint->aCustomer);
    QVERIFY2(hint->text.startsWith(QStringLiteral("A customer · 300 point")), qPrintable(hint->text));
    QVERIFY2(hint->text.endsWith(QStringLiteral("300-point reward “Coffee”")), qPrintable(hint->text));
    QVERIFY(!hintFor(b, programme()).has_value());
}

QTEST_GUILESS_MAIN(TestCustomerValueHint)
#include "TestCustomerValueHint.moc"
