// Random sequences of sales (with redemptions and coupons), returns and expiry runs against a demo
// shop under the demo programme: after every step each member's points balance, as the ledger sums
// it and as the till reads it (MemberStandingReader), equals a model the test keeps from what the
// services reported, and the points that expire are exactly what an independent first-expiring-
// first-consumed replay of the raw ledger rows says. A full return of a sale gives back exactly
// what the sale booked.
#include "CoreTestSupport.h"
#include "account/ExpiryRun.h"
#include "account/MemberStandingReader.h"
#include "account/ReturnService.h"
#include "catalog/ProductRepository.h"
#include "demo/DemoDataGenerator.h"
#include "ledger/LedgerRepository.h"
#include "members/MemberRepository.h"
#include "program/format/ProgrammeStore.h"
#include "sale/Basket.h"
#include "sale/SaleService.h"
#include "settings/TillSettings.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>

using namespace loyalty;
using namespace loyalty::test;

namespace {

constexpr qint64 kMembers = 40;

struct RawLot
{
    qint64 id = 0;
    qint64 remaining = 0;
    QString expiresOn;  // empty: never
};

// The test's own replay of a member's points rows: lots consumed first-expiring first (lots that
// never expire last, ties by entry id), a deficit paid off by later points. Returns the points in
// lots whose day has come on `today`.
qint64 expiredByReplay(const RawConnection& raw, qint64 memberId, const QString& today)
{
    QSqlQuery query(raw.db());
    query.prepare(QStringLiteral("SELECT id, points, coalesce(expires_on, '') FROM ledger_entries"
                                 " WHERE member_id = ? AND account = 'points' ORDER BY id"));
    query.bindValue(0, memberId);
    if (!query.exec())
        return -1;
    QList<RawLot> lots;
    qint64 deficit = 0;
    while (query.next()) {
        qint64 amount = query.value(1).toLongLong();
        if (amount > 0) {
            const qint64 paid = std::min(amount, deficit);
            deficit -= paid;
            amount -= paid;
            if (amount > 0)
                lots.append({query.value(0).toLongLong(), amount, query.value(2).toString()});
            continue;
        }
        qint64 take = -amount;
        std::sort(lots.begin(), lots.end(), [](const RawLot& a, const RawLot& b) {
            if (a.expiresOn.isEmpty() != b.expiresOn.isEmpty())
                return b.expiresOn.isEmpty();
            if (a.expiresOn != b.expiresOn)
                return a.expiresOn < b.expiresOn;
            return a.id < b.id;
        });
        for (RawLot& lot : lots) {
            const qint64 used = std::min(lot.remaining, take);
            lot.remaining -= used;
            take -= used;
        }
        deficit += take;
    }
    qint64 expired = 0;
    for (const RawLot& lot : lots) {
        if (!lot.expiresOn.isEmpty() && lot.expiresOn <= today)
            expired += lot.remaining;
    }
    return expired;
}

}  // namespace

class TestLedgerRecomputation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomSequencesKeepBalancesExact_data();
    void randomSequencesKeepBalancesExact();
};

void TestLedgerRecomputation::randomSequencesKeepBalancesExact_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 7u, 42u, 2026u})
        QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
}

void TestLedgerRecomputation::randomSequencesKeepBalancesExact()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FixedClock clock(QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC));
    auto opened = Database::open(dir.filePath(QStringLiteral("till.db")), clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    const std::unique_ptr<Database> database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*database, clock).generate(kMembers).ok());
    auto settings = TillSettings::load(database->connection());
    QVERIFY(settings.ok());

    // The demo programme with points that expire two months after they were earned.
    auto active = ProgrammeStore(database->connection()).active();
    QVERIFY2(active.ok(), qPrintable(errorText(active)));
    auto programme = std::make_optional(*active);
    programme->expiry.mode = ExpiryPolicy::Mode::AfterMonths;
    programme->expiry.months = 2;
    programme->balance.allowNegative = true;
    programme->balance.maxNegativePoints = 1'000'000;
    const ProgrammeEngine engine(*programme);
    SaleService sales(*database, clock, *settings, engine);
    ReturnService returns(database->connection(), clock, settings->tillId);
    ExpiryRun expiry(database->connection(), settings->tillId);
    MemberStandingReader standings(database->connection());
    MemberRepository members(database->connection());
    ProductRepository products(database->connection());
    LedgerRepository ledger(database->connection());
    const RawConnection raw(database->path());

    std::map<qint64, qint64> model;  // member id -> points balance
    for (qint64 id = 1; id <= kMembers; ++id) {
        const auto balance = ledger.balance(id);
        QVERIFY(balance.ok());
        model[id] = *balance;
    }
    struct SoldLine
    {
        int lineNo;
        qint64 quantity;
        qint64 returned;
    };
    struct Sold
    {
        qint64 saleId;
        std::optional<qint64> memberId;
        QList<SoldLine> lines;
    };
    QList<Sold> sold;

    for (int step = 0; step < 120; ++step) {
        clock.advanceSeconds(qint64(random.bounded(1, 4)) * 86'400 + random.bounded(3600));
        const int action = random.bounded(10);
        if (action < 6) {  // a sale
            Basket basket(settings->currency);
            const int lineCount = random.bounded(1, 6);
            for (int i = 0; i < lineCount; ++i) {
                const auto product = products.findByEan(DemoDataGenerator::productEanFor(random.bounded(300)));
                QVERIFY(product.ok() && product->has_value());
                basket.add(**product, random.bounded(1, 4));
            }
            std::optional<CardHolder> holder;
            if (random.bounded(5) != 0) {
                const auto found =
                    members.findByCard(DemoDataGenerator::cardNumberFor(random.bounded(1, int(kMembers) + 1)));
                QVERIFY(found.ok() && found->has_value());
                holder = **found;
            }
            SaleOptions options;
            if (holder && random.bounded(3) == 0)
                options.redeemPoints = random.bounded(1, 20) * 100;
            if (random.bounded(6) == 0)
                options.couponCodes = {QStringLiteral("WELCOME10")};
            const auto sale = sales.complete(basket, holder, options);
            QVERIFY2(sale.ok(), qPrintable(errorText(sale)));
            for (const Effect& effect : sale->effects.effects) {
                const qint64 owner = effect.otherMemberId ? effect.otherMemberId : (holder ? holder->member.id : 0);
                if (effect.account != QLatin1String("points") || owner == 0)
                    continue;
                model[owner] += effect.kind == EffectKind::PointsRedeemed ? -effect.amount : effect.amount;
            }
            Sold record{sale->saleId, sale->memberId, {}};
            for (qsizetype i = 0; i < basket.lines().size(); ++i)
                record.lines.append({int(i + 1), basket.lines()[i].quantity, 0});
            sold.append(record);
        } else if (action < 9 && !sold.isEmpty()) {  // a return of part of an earlier sale
            Sold& sale = sold[random.bounded(int(sold.size()))];
            SoldLine& line = sale.lines[random.bounded(int(sale.lines.size()))];
            if (line.returned == line.quantity)
                continue;
            const qint64 quantity = random.bounded(1, int(line.quantity - line.returned) + 1);
            const auto returned = returns.returnLines(sale.saleId, {{line.lineNo, quantity}}, *programme);
            QVERIFY2(returned.ok(), qPrintable(errorText(returned)));
            line.returned += quantity;
            for (const ReversedEffect& reversed : returned->reversed) {
                if (reversed.account == QLatin1String("points") && sale.memberId)
                    model[*sale.memberId] += reversed.amount;
            }
        } else {  // the nightly expiry run
            const QString today = clock.now().toLocalTime().date().toString(Qt::ISODate);
            std::map<qint64, qint64> expected;
            for (const auto& [id, balance] : model)
                expected[id] = expiredByReplay(raw, id, today);
            QVERIFY(expiry.run(clock.now().toLocalTime(), *programme).ok());
            for (auto& [id, balance] : model)
                balance -= expected[id];
            QVERIFY(expiry.run(clock.now().toLocalTime(), *programme).ok());  // a second run finds nothing
        }
        for (const auto& [id, balance] : model) {
            const auto summed = ledger.balance(id);
            QVERIFY(summed.ok());
            QVERIFY2(*summed == balance, qPrintable(QStringLiteral("step %1, member %2: ledger %3, model %4")
                                                        .arg(step)
                                                        .arg(id)
                                                        .arg(*summed)
                                                        .arg(balance)));
            const auto standing = standings.read(id, clock.now().toLocalTime(), *programme);
            QVERIFY2(standing.ok(), qPrintable(errorText(standing)));
            QCOMPARE(standing->points, balance);
        }
    }
    const auto report = ConsistencyCheck(*database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestLedgerRecomputation)
#include "TestLedgerRecomputation.moc"
