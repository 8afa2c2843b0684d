// The "ledger" array of outbox events: every event carries exactly the ledger entries this till
// booked for it (an enrolment its welcome bonus, a sale its earning and redemption, a return its
// reversal, an expiry run its expiry), each local entry travels in exactly one event, and entries
// pulled from head office never travel back.
#include "account/ExpiryRun.h"
#include "account/ReturnService.h"
#include "core/CoreTestSupport.h"
#include "demo/DemoDataGenerator.h"
#include "members/Enrolment.h"
#include "program/ProgrammeEngine.h"
#include "program/format/ProgrammeStore.h"
#include "sale/ActiveProgramme.h"
#include "sale/Basket.h"
#include "sale/SaleService.h"
#include "settings/TillSettings.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"
#include "sync/apply/ChangeApplier.h"
#include "sync/protocol/SyncProtocol.h"
#include "time/FixedClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QString kOtherTill = QStringLiteral("5b0c0000-0000-4000-8000-00000000000b");
}  // namespace

class TestEventLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void enrolmentCarriesItsWelcomeBonus();
    void saleCarriesExactlyItsEntries();
    void referralBonusTravelsWithTheSaleUnderTheReferrersUuid();
    void returnCarriesItsReversal();
    void expiryRunCarriesItsEntries();
    void pulledEntriesNeverTravel();
    void everyLocalEntryTravelsInExactlyOneEvent();

private:
    QSqlDatabase db() const { return m_database->connection(); }
    CardHolder enrol(qint64 number, const QString& referrerCard = {});
    Result<CompletedSale> sell(const CardHolder& member, qint64 quantity, Points redeem = 0);
    QJsonObject lastEvent(const QString& type) const;
    QStringList localEntries(const QString& where) const;
    static QStringList carried(const QJsonObject& payload);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RawConnection> m_raw;
    std::unique_ptr<TillSettings> m_settings;
    Product m_cheese;
};

void TestEventLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(errorText(opened)));
    m_database = std::move(opened).value();
    m_raw = std::make_unique<RawConnection>(m_database->path());
    QVERIFY(m_raw->isOpen());
    auto settings = TillSettings::load(db());
    QVERIFY2(settings.ok(), qPrintable(errorText(settings)));
    m_settings = std::make_unique<TillSettings>(*settings);
    // The demo programme: a welcome bonus, 1 point per euro, referral bonuses, expiry at the end of
    // the following year.
    const auto activated = ProgrammeStore(db()).activate(ProgrammeStore::builtInDocument(), m_clock->nowIso());
    QVERIFY2(activated.ok(), qPrintable(errorText(activated)));
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO products (id, ean, name, price_minor, currency, category,"
                                      " earns_points, discountable) VALUES (1, '4000000000013', 'Mountain cheese',"
                                      " 1000, 'EUR', 'Cheese', 1, 1)"))
                .isEmpty());
    m_cheese.id = 1;
    m_cheese.ean = QStringLiteral("4000000000013");
    m_cheese.name = QStringLiteral("Mountain cheese");
    m_cheese.price = Money(1000, QStringLiteral("EUR"));
    m_cheese.category = QStringLiteral("Cheese");
}

void TestEventLedger::cleanup()
{
    m_settings.reset();
    m_raw.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

CardHolder TestEventLedger::enrol(qint64 number, const QString& referrerCard)
{
    EnrolmentRequest request;
    request.name = QStringLiteral("Member %1").arg(number);
    request.cardNumber = DemoDataGenerator::cardNumberFor(number);
    request.consentGiven = true;
    request.consentTextVersion = QStringLiteral("2026-01");
    request.referrerCardNumber = referrerCard;
    const auto enrolled = Enrolment(*m_database, *m_clock, *m_settings).enrol(request);
    if (!enrolled)
        qWarning("%s", qPrintable(enrolled.error().message));
    return enrolled.ok() ? *enrolled : CardHolder{};
}

Result<CompletedSale> TestEventLedger::sell(const CardHolder& member, qint64 quantity, Points redeem)
{
    const Programme programme = ActiveProgramme::load(*m_database, *m_settings);
    const ProgrammeEngine engine(programme);
    SaleService service(*m_database, *m_clock, *m_settings, engine);
    Basket basket(QStringLiteral("EUR"));
    basket.add(m_cheese, quantity);
    SaleOptions options;
    options.redeemPoints = redeem;
    return service.complete(basket, member, options);
}

QJsonObject TestEventLedger::lastEvent(const QString& type) const
{
    const QString payload =
        m_raw
            ->scalar(
                QStringLiteral("SELECT payload FROM outbox_events WHERE type = '%1' ORDER BY sequence DESC LIMIT 1")
                    .arg(type))
            .toString();
    return QJsonDocument::fromJson(payload.toUtf8()).object();
}

// Entries as "member_uuid|account|kind|points|reason|explanation|expires_on|created_at", in ledger order.
QStringList TestEventLedger::localEntries(const QString& where) const
{
    return m_raw->rows(QStringLiteral("SELECT m.uuid, l.account, l.kind, l.points, l.reason, l.explanation,"
                                      " coalesce(l.expires_on, 'null'), l.created_at FROM ledger_entries l"
                                      " JOIN members m ON m.id = l.member_id WHERE %1 ORDER BY l.id")
                           .arg(where));
}

QStringList TestEventLedger::carried(const QJsonObject& payload)
{
    QStringList rows;
    const QJsonArray ledger = payload.value(QStringLiteral("ledger")).toArray();
    for (qsizetype i = 0; i < ledger.size(); ++i) {
        const QJsonObject entry = ledger.at(i).toObject();
        if (entry.value(QStringLiteral("n")).toInt() != i + 1)
            rows << QStringLiteral("entry %1 has n=%2").arg(i + 1).arg(entry.value(QStringLiteral("n")).toInt());
        const QJsonValue expires = entry.value(QStringLiteral("expires_on"));
        rows << QStringList{entry.value(QStringLiteral("member_uuid")).toString(),
                            entry.value(QStringLiteral("account")).toString(),
                            entry.value(QStringLiteral("kind")).toString(),
                            QString::number(entry.value(QStringLiteral("points")).toInteger()),
                            entry.value(QStringLiteral("reason")).toString(),
                            entry.value(QStringLiteral("explanation")).toString(),
                            expires.isNull() ? QStringLiteral("null") : expires.toString(),
                            entry.value(QStringLiteral("created_at")).toString()}
                    .join(u'|');
    }
    return rows;
}

void TestEventLedger::enrolmentCarriesItsWelcomeBonus()
{
    const CardHolder ada = enrol(1);
    QVERIFY(ada.member.id > 0);
    const QJsonObject payload = lastEvent(Enrolment::kEnrolledEvent);
    const QString uuid = payload.value(QStringLiteral("member_uuid")).toString();
    QVERIFY(!uuid.isEmpty());
    QVERIFY(payload.contains(QStringLiteral("referred_by_member_uuid")));
    QVERIFY(payload.value(QStringLiteral("referred_by_member_uuid")).isNull());
    QCOMPARE(carried(payload),
             QStringList{uuid + QStringLiteral("|points|earn|100|event.welcome|") +
                         m_raw->scalar(QStringLiteral("SELECT explanation FROM ledger_entries")).toString() +
                         QStringLiteral("|2028-01-01|2026-12-01T09:00:00.000Z")});
    QCOMPARE(carried(payload), localEntries(QStringLiteral("1")));
}

void TestEventLedger::saleCarriesExactlyItsEntries()
{
    const CardHolder ada = enrol(1);
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO ledger_entries (member_id, kind, points, reason, created_at,"
                                      " origin_key) VALUES (%1, 'earn', 900, 'earn.base', '2026-11-01T09:00:00.000Z',"
                                      " 'x/1')")
                           .arg(ada.member.id))
                .isEmpty());
    const qint64 before = m_raw->scalar(QStringLiteral("SELECT max(id) FROM ledger_entries")).toLongLong();
    m_clock->advanceSeconds(60);
    // 3 × 10 € = 30 €, 500 points redeemed (5 €) of 1000; the rest earns.
    const auto sale = sell(ada, 3, 500);
    QVERIFY2(sale.ok(), qPrintable(errorText(sale)));
    QCOMPARE(sale->effects.pointsRedeemed(), 500);
    const QJsonObject payload = lastEvent(SaleService::kSaleCompletedEvent);
    const QStringList expected = localEntries(QStringLiteral("l.id > %1").arg(before));
    QCOMPARE(expected.size(), 2);
    QCOMPARE(carried(payload), expected);
    QVERIFY(expected.at(0).contains(QStringLiteral("|redeem|-500|")) ||
            expected.at(1).contains(QStringLiteral("|redeem|-500|")));
    // The contract's fields besides the ledger.
    QCOMPARE(payload.value(QStringLiteral("member_uuid")).toString(),
             m_raw->scalar(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(ada.member.id)).toString());
    QCOMPARE(payload.value(QStringLiteral("eligible_minor")).toInteger(), sale->effects.eligibleSpend.minorUnits());
    QCOMPARE(
        payload.value(QStringLiteral("eligible_minor")).toInteger(),
        m_raw->scalar(QStringLiteral("SELECT eligible_minor FROM sales WHERE id = %1").arg(sale->saleId)).toLongLong());
    QVERIFY(payload.value(QStringLiteral("eligible_minor")).toInteger() > 0);
}

void TestEventLedger::referralBonusTravelsWithTheSaleUnderTheReferrersUuid()
{
    const CardHolder ada = enrol(1);
    const CardHolder ben = enrol(2, DemoDataGenerator::cardNumberFor(1));
    const QJsonObject enrolled = lastEvent(Enrolment::kEnrolledEvent);
    const QString adaUuid =
        m_raw->scalar(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(ada.member.id)).toString();
    QCOMPARE(enrolled.value(QStringLiteral("referred_by_member_uuid")).toString(), adaUuid);
    const qint64 before = m_raw->scalar(QStringLiteral("SELECT max(id) FROM ledger_entries")).toLongLong();
    const auto sale = sell(ben, 1);
    QVERIFY2(sale.ok(), qPrintable(errorText(sale)));
    const QJsonObject payload = lastEvent(SaleService::kSaleCompletedEvent);
    const QStringList expected = localEntries(QStringLiteral("l.id > %1").arg(before));
    QCOMPARE(carried(payload), expected);
    QVERIFY2(expected.filter(adaUuid + QStringLiteral("|points|earn|200|event.referral")).size() == 1,
             qPrintable(expected.join(u'\n')));
    bool named = false;
    for (const QJsonValue& effect : payload.value(QStringLiteral("effects")).toArray())
        named = named || effect.toObject().value(QStringLiteral("other_member_uuid")).toString() == adaUuid;
    QVERIFY(named);
}

void TestEventLedger::returnCarriesItsReversal()
{
    const CardHolder ada = enrol(1);
    const auto sale = sell(ada, 2);
    QVERIFY2(sale.ok(), qPrintable(errorText(sale)));
    const qint64 before = m_raw->scalar(QStringLiteral("SELECT max(id) FROM ledger_entries")).toLongLong();
    m_clock->advanceSeconds(600);
    const Programme programme = ActiveProgramme::load(*m_database, *m_settings);
    ReturnService returns(db(), *m_clock, m_settings->tillId);
    const auto returned = returns.returnLines(sale->saleId, {{1, 1}}, programme);
    QVERIFY2(returned.ok(), qPrintable(errorText(returned)));
    const QJsonObject payload = lastEvent(ReturnService::kSaleReturnedEvent);
    const QStringList expected = localEntries(QStringLiteral("l.id > %1").arg(before));
    QVERIFY(!expected.isEmpty());
    QCOMPARE(carried(payload), expected);
    QCOMPARE(payload.value(QStringLiteral("return_uuid")).toString(), returned->uuid);
    QCOMPARE(payload.value(QStringLiteral("sale_uuid")).toString(), sale->saleUuid);
    QVERIFY(!payload.value(QStringLiteral("member_uuid")).toString().isEmpty());
    // Half of the cheese comes back: half of what it paid was eligible spend.
    QCOMPARE(payload.value(QStringLiteral("refund_eligible_minor")).toInteger(), returned->refund.minorUnits());
    QCOMPARE(payload.value(QStringLiteral("refund_eligible_minor")).toInteger(), 1000);
}

void TestEventLedger::expiryRunCarriesItsEntries()
{
    const CardHolder ada = enrol(1);
    const CardHolder ben = enrol(2);
    QVERIFY(sell(ada, 1).ok());
    const qint64 before = m_raw->scalar(QStringLiteral("SELECT max(id) FROM ledger_entries")).toLongLong();
    m_clock->set(QDateTime(QDate(2028, 1, 2), QTime(9, 0), Qt::UTC));
    const Programme programme = ActiveProgramme::load(*m_database, *m_settings);
    const auto members = ExpiryRun(db(), m_settings->tillId).run(m_clock->now(), programme);
    QVERIFY2(members.ok(), qPrintable(errorText(members)));
    QCOMPARE(*members, 2);
    const QStringList events = m_raw->rows(QStringLiteral("SELECT payload FROM outbox_events"
                                                          " WHERE type = 'points.expired' ORDER BY sequence"));
    QCOMPARE(events.size(), 2);
    QStringList all;
    for (const QString& event : events) {
        const QJsonObject payload = QJsonDocument::fromJson(event.toUtf8()).object();
        const QString uuid = payload.value(QStringLiteral("member_uuid")).toString();
        // Each member's event carries that member's expiry entries and no one else's.
        QCOMPARE(carried(payload), localEntries(QStringLiteral("l.id > %1 AND m.uuid = '%2'").arg(before).arg(uuid)));
        all << carried(payload);
    }
    QCOMPARE(all, localEntries(QStringLiteral("l.id > %1").arg(before)));
    QCOMPARE(m_raw
                 ->scalar(QStringLiteral("SELECT sum(points) FROM ledger_entries WHERE member_id IN (%1, %2)")
                              .arg(ada.member.id)
                              .arg(ben.member.id))
                 .toInt(),
             0);
}

void TestEventLedger::pulledEntriesNeverTravel()
{
    const CardHolder ada = enrol(1);
    const QString adaUuid =
        m_raw->scalar(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(ada.member.id)).toString();
    const QJsonArray page{
        QJsonObject{{QStringLiteral("kind"), sync::kLedgerChange},
                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("key"), QStringLiteral("adjust/1")},
                                                         {QStringLiteral("member_uuid"), adaUuid},
                                                         {QStringLiteral("account"), QStringLiteral("points")},
                                                         {QStringLiteral("kind"), QStringLiteral("adjust")},
                                                         {QStringLiteral("points"), 700},
                                                         {QStringLiteral("reason"), QStringLiteral("goodwill")},
                                                         {QStringLiteral("explanation"), QStringLiteral("+700")},
                                                         {QStringLiteral("expires_on"), QJsonValue()},
                                                         {QStringLiteral("created_at"), m_clock->nowIso()},
                                                         {QStringLiteral("till_id"), QJsonValue()}}}}};
    const auto applied = sync::ChangeApplier(db(), *m_clock).apply(page, QStringLiteral("c1"));
    QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
    QCOMPARE(applied->applied.value(sync::kLedgerChange), 1);
    const qint64 before = m_raw->scalar(QStringLiteral("SELECT max(id) FROM ledger_entries")).toLongLong();
    // A pulled entry between a local booking and its event: possible when a test writes SQL, never in
    // the till, but even then it must not travel.
    QVERIFY(m_raw
                ->exec(QStringLiteral("INSERT INTO ledger_entries (member_id, kind, points, reason, created_at,"
                                      " origin_key) VALUES (%1, 'earn', 5, 'x', '2026-11-01T09:00:00.000Z', 'x/1')")
                           .arg(ada.member.id))
                .isEmpty());
    const auto sale = sell(ada, 1, 500);
    QVERIFY2(sale.ok(), qPrintable(errorText(sale)));
    const QStringList sent = carried(lastEvent(SaleService::kSaleCompletedEvent));
    QCOMPARE(sent, localEntries(QStringLiteral("l.id > %1 AND l.origin_key IS NULL").arg(before)));
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.filter(QStringLiteral("goodwill")).isEmpty());
    QVERIFY(sent.filter(QStringLiteral("|x|")).isEmpty());
}

void TestEventLedger::everyLocalEntryTravelsInExactlyOneEvent()
{
    const CardHolder ada = enrol(1);
    const CardHolder ben = enrol(2, DemoDataGenerator::cardNumberFor(1));
    for (int i = 0; i < 5; ++i) {
        m_clock->advanceSeconds(30);
        QVERIFY(sell(i % 2 ? ada : ben, i + 1, i == 3 ? 500 : 0).ok());
    }
    const Programme programme = ActiveProgramme::load(*m_database, *m_settings);
    QVERIFY(ReturnService(db(), *m_clock, m_settings->tillId).returnLines(3, {{1, 2}}, programme).ok());
    m_clock->set(QDateTime(QDate(2028, 1, 2), QTime(9, 0), Qt::UTC));
    QVERIFY(ExpiryRun(db(), m_settings->tillId).run(m_clock->now(), programme).ok());

    QStringList sent;
    for (const QString& event : m_raw->rows(QStringLiteral("SELECT payload FROM outbox_events ORDER BY sequence")))
        sent << carried(QJsonDocument::fromJson(event.toUtf8()).object());
    QCOMPARE(sent, localEntries(QStringLiteral("l.origin_key IS NULL")));
    QVERIFY(sent.size() > 10);
    const auto report = ConsistencyCheck(*m_database).run();
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestEventLedger)
#include "TestEventLedger.moc"
