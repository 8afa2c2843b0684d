// The offline redemption bound through SaleService on a real till database: points a member
// redeemed today in sales whose events head office has not acknowledged count against the
// programme's redemption.offline_daily_limit; acknowledged ones, yesterday's and other members'
// do not. The preview says the same as the sale.
#include "CoreTestSupport.h"
#include "program/ProgrammeEngine.h"
#include "program/format/ProgrammeParser.h"
#include "program/format/ProgrammeStore.h"
#include "sale/Basket.h"
#include "sale/SaleService.h"
#include "settings/TillSettings.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using namespace loyalty::test;

class TestOfflineRedemption final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pendingRedemptionsLowerTheNextOne();
    void acknowledgedRedemptionsFreeTheLimit();
    void nothingLeftRedeemsNothing();
    void aNewDayStartsAfresh();
    void otherMembersDoNotCount();
    void noLimitWithoutTheSetting();
    void noLimitOnATillOnItsOwn();

private:
    QSqlDatabase db() const { return m_database->connection(); }
    qint64 addMember(const QString& uuid, qint64 openingPoints);
    Result<CompletedSale> sell(qint64 memberId, Points redeem, Evaluation* preview = nullptr);
    void acknowledgeAll();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RawConnection> m_raw;
    std::unique_ptr<TillSettings> m_settings;
    std::unique_ptr<ProgrammeEngine> m_engine;
    Programme m_programme;
    Product m_wine;
};

void TestOfflineRedemption::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    m_database = std::move(opened).value();
    m_raw = std::make_unique<RawConnection>(m_database->path());
    auto settings = TillSettings::load(db());
    QVERIFY2(settings.ok(), qPrintable(errorText(settings)));
    m_settings = std::make_unique<TillSettings>(*settings);
    // The demo programme: 100 points = 1 €, at least 500, at most half the basket, offline limit 2000.
    auto programme = ProgrammeStore::builtIn();
    QVERIFY2(programme.ok(), qPrintable(errorText(programme)));
    m_programme = *programme;
    QCOMPARE(m_programme.redemption.offlineDailyLimit, 2000);
    m_engine = std::make_unique<ProgrammeEngine>(m_programme);
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO products (id, ean, name, price_minor, currency, category,"
                                      " earns_points, discountable) VALUES (1, '4000000000013', 'Wine', 10000,"
                                      " 'EUR', 'Wine', 1, 1)"))
                .isEmpty());
    m_wine.id = 1;
    m_wine.ean = QStringLiteral("4000000000013");
    m_wine.name = QStringLiteral("Wine");
    m_wine.price = Money(10000, QStringLiteral("EUR"));
    m_wine.category = QStringLiteral("Wine");
    // A provisioned till: its redemptions wait for head office's confirmation.
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('sync.hq_url',"
                                      " 'https://hq.example:8443')"))
                .isEmpty());
}

void TestOfflineRedemption::cleanup()
{
    m_engine.reset();
    m_settings.reset();
    m_raw.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

qint64 TestOfflineRedemption::addMember(const QString& uuid, qint64 openingPoints)
{
    // As provisioning leaves a member: their balance is head office's (an opening entry pulled).
    m_raw->exec(QStringLiteral("INSERT INTO members (name, enrolled_at, uuid) VALUES ('M', '2026-01-01T00:00:00.000Z',"
                               " '%1')")
                    .arg(uuid));
    const qint64 id = m_raw->scalar(QStringLiteral("SELECT id FROM members WHERE uuid = '%1'").arg(uuid)).toLongLong();
    m_raw->exec(QStringLiteral("INSERT INTO cards (number, member_id, state, issued_at) VALUES ('card-%1', %1,"
                               " 'active', '2026-01-01T00:00:00.000Z')")
                    .arg(id));
    m_raw->exec(QStringLiteral("INSERT INTO ledger_entries (member_id, kind, points, reason, created_at, origin_key)"
                               " VALUES (%1, 'opening', %2, 'opening', '2026-01-01T00:00:00.000Z', 'opening/%3')")
                    .arg(id)
                    .arg(openingPoints)
                    .arg(uuid));
    return id;
}

Result<CompletedSale> TestOfflineRedemption::sell(qint64 memberId, Points redeem, Evaluation* preview)
{
    CardHolder holder;
    holder.cardNumber = QStringLiteral("card-%1").arg(memberId);
    holder.member.id = memberId;
    holder.member.name = QStringLiteral("M");
    Basket basket(QStringLiteral("EUR"));
    basket.add(m_wine, 1);
    SaleOptions options;
    options.redeemPoints = redeem;
    SaleService service(*m_database, *m_clock, *m_settings, *m_engine);
    if (preview) {
        auto previewed = service.preview(basket, holder, options);
        if (previewed)
            *preview = *previewed;
    }
    m_clock->advanceSeconds(60);
    return service.complete(basket, holder, options);
}

void TestOfflineRedemption::acknowledgeAll()
{
    QVERIFY(m_raw
                ->exec(QStringLiteral("UPDATE outbox_events SET state = 'acknowledged', acknowledged_at = '%1'"
                                      " WHERE state = 'pending'")
                           .arg(m_clock->nowIso()))
                .isEmpty());
}

void TestOfflineRedemption::pendingRedemptionsLowerTheNextOne()
{
    const qint64 member = addMember(QStringLiteral("00000000-0000-4000-8000-000000000001"), 10000);
    const auto first = sell(member, 1500);
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    QCOMPARE(first->effects.pointsRedeemed(), 1500);
    QVERIFY(first->effects.notices.isEmpty());

    Evaluation preview;
    const auto second = sell(member, 1000, &preview);
    QVERIFY2(second.ok(), qPrintable(errorText(second)));
    QCOMPARE(second->effects.pointsRedeemed(), 500);
    QCOMPARE(second->effects.notices.size(), 1);
    QVERIFY2(second->effects.notices.first().contains(QStringLiteral("until head office confirms")),
             qPrintable(second->effects.notices.first()));
    QCOMPARE(preview.pointsRedeemed(), 500);
    QCOMPARE(preview.notices, second->effects.notices);
    QCOMPARE(second->effects.payable.minorUnits(), 10000 - 500);
    QCOMPARE(second->newBalance, 10000 - 1500 - 500 + first->effects.pointsEarned() + second->effects.pointsEarned());

    const auto report = ConsistencyCheck(*m_database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
}

void TestOfflineRedemption::acknowledgedRedemptionsFreeTheLimit()
{
    const qint64 member = addMember(QStringLiteral("00000000-0000-4000-8000-000000000001"), 10000);
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
    acknowledgeAll();
    const auto next = sell(member, 1500);
    QVERIFY2(next.ok(), qPrintable(errorText(next)));
    QCOMPARE(next->effects.pointsRedeemed(), 1500);
    QVERIFY(next->effects.notices.isEmpty());
    // Rejected events do not wait for head office: they count no more either.
    QVERIFY(m_raw
                ->exec(QStringLiteral("UPDATE outbox_events SET state = 'rejected', rejected_reason = 'unknown_member'"
                                      " WHERE state = 'pending'"))
                .isEmpty());
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
    const auto report = ConsistencyCheck(*m_database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
}

void TestOfflineRedemption::nothingLeftRedeemsNothing()
{
    const qint64 member = addMember(QStringLiteral("00000000-0000-4000-8000-000000000001"), 10000);
    QCOMPARE(sell(member, 1700)->effects.pointsRedeemed(), 1700);
    // 300 left is below the programme's minimum of 500: nothing is redeemed, and the notice says why.
    const auto refused = sell(member, 1000);
    QVERIFY2(refused.ok(), qPrintable(errorText(refused)));
    QCOMPARE(refused->effects.pointsRedeemed(), 0);
    QCOMPARE(refused->effects.payable.minorUnits(), 10000);
    QCOMPARE(refused->effects.notices.size(), 1);
    QVERIFY2(refused->effects.notices.first().contains(QStringLiteral("No more points can be redeemed")),
             qPrintable(refused->effects.notices.first()));
    QCOMPARE(m_raw
                 ->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE sale_id = %1 AND kind = 'redeem'")
                              .arg(refused->saleId))
                 .toInt(),
             0);
}

void TestOfflineRedemption::aNewDayStartsAfresh()
{
    const qint64 member = addMember(QStringLiteral("00000000-0000-4000-8000-000000000001"), 10000);
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
    m_clock->set(m_clock->now().toLocalTime().date().addDays(1).startOfDay().addSecs(3600));
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
}

void TestOfflineRedemption::otherMembersDoNotCount()
{
    const qint64 ada = addMember(QStringLiteral("00000000-0000-4000-8000-000000000001"), 10000);
    const qint64 ben = addMember(QStringLiteral("00000000-0000-4000-8000-000000000002"), 10000);
    QCOMPARE(sell(ada, 2000)->effects.pointsRedeemed(), 2000);
    QCOMPARE(sell(ben, 2000)->effects.pointsRedeemed(), 2000);
    QCOMPARE(sell(ada, 500)->effects.pointsRedeemed(), 0);
}

void TestOfflineRedemption::noLimitWithoutTheSetting()
{
    QJsonObject document = QJsonDocument::fromJson(ProgrammeStore::builtInDocument()).object();
    QJsonObject redemption = document.value(QStringLiteral("redemption")).toObject();
    redemption.insert(QStringLiteral("offline_daily_limit"), 0);
    document.insert(QStringLiteral("redemption"), redemption);
    const auto unlimited = ProgrammeParser::parse(QJsonDocument(document).toJson());
    QVERIFY2(unlimited.ok(), qPrintable(errorText(unlimited)));
    m_programme = *unlimited;
    m_engine = std::make_unique<ProgrammeEngine>(m_programme);
    const qint64 member = addMember(QStringLiteral("00000000-0000-4000-8000-000000000001"), 10000);
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
}

void TestOfflineRedemption::noLimitOnATillOnItsOwn()
{
    // A till that syncs with no head office has no other till to spend a balance twice with.
    QVERIFY(m_raw->exec(QStringLiteral("DELETE FROM settings WHERE key = 'sync.hq_url'")).isEmpty());
    const qint64 member = addMember(QStringLiteral("00000000-0000-4000-8000-000000000001"), 10000);
    QCOMPARE(sell(member, 2000)->effects.pointsRedeemed(), 2000);
    const auto second = sell(member, 2000);
    QVERIFY2(second.ok(), qPrintable(errorText(second)));
    QCOMPARE(second->effects.pointsRedeemed(), 2000);
    QVERIFY(second->effects.notices.isEmpty());
}

QTEST_GUILESS_MAIN(TestOfflineRedemption)
#include "TestOfflineRedemption.moc"
