// Applying pushed events at head office: exactly once, each event on its own, the rejections of
// the contract, the coupon winner whatever the arrival order, and overdrafts.
#include "HqTestSupport.h"
#include "admin/HqDemo.h"
#include "apply/EventPayloadTexts.h"
#include "demo/DemoShop.h"
#include "program/format/ProgrammeStore.h"
#include "time/FixedClock.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

namespace {
const QString kSale = QStringLiteral("sale.completed");
}

class TestHqApply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void sameBatchTwiceIsAppliedOnce();
    void aBadEventDoesNotBlockTheOthersAndStoresNothing();
    void eventOfAnotherTillIsRejected();
    void unknownMemberIsRejected();
    void unknownTypeAndMalformedAreRejected();
    void enrolmentAddsMemberAndCard();
    void cardOfAnotherMemberIsTaken();
    void cardBlockedAndReplaced();
    void couponWinnerIndependentOfArrivalOrder();
    void campaignCodesAreNotArbitrated();
    void overdraftIsRecorded();
    void returnAddsToTheSale();
    void countersPerTill();
    void payloadTextsAreCutFromTheBody();
    void storedPayloadIsTheTillsText();

private:
    QJsonObject sale(const QString& id, qint64 sequence, const QString& member, qint64 points,
                     const QJsonArray& effects = {}, const QString& at = QStringLiteral("2026-12-01T09:00:00.000Z"),
                     const QString& till = QString());
    QString member(qint64 number) const { return sync::memberUuidForNumber(number); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<HqDatabase> m_database;
    std::unique_ptr<HeadOffice> m_office;
    QString m_till;
};

void TestHqApply::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    QString text;
    LOYALTY_OPEN_TEST_HQ(*m_dir, text, m_database);
    m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
    QVERIFY(HqDemo(*m_database, *m_clock).generate(20).ok());
    m_till = provisionTill(*m_office, QStringLiteral("Till 1"));
    QVERIFY(!m_till.isEmpty());
}

void TestHqApply::cleanup()
{
    m_office.reset();
    m_database.reset();
    m_dir.reset();
}

QJsonObject TestHqApply::sale(const QString& id, qint64 sequence, const QString& memberUuid, qint64 points,
                              const QJsonArray& effects, const QString& at, const QString& till)
{
    const QString tillId = till.isEmpty() ? m_till : till;
    return makeEvent(id, tillId, sequence, kSale,
                     salePayload(newId(), memberUuid, QJsonArray{ledgerEntry(1, memberUuid, points)}, effects, at), at);
}

void TestHqApply::sameBatchTwiceIsAppliedOnce()
{
    const QJsonArray batch{sale(newId(), 1, member(1), 10), sale(newId(), 2, member(2), 20),
                           sale(newId(), 3, member(1), 5)};
    const auto first = m_office->push(m_till, batch);
    QVERIFY2(first.ok(), qPrintable(errorText(first)));
    QCOMPARE(statuses(*first), QStringList({sync::kAccepted, sync::kAccepted, sync::kAccepted}));
    const qint64 ledgerRows = scalar(*m_database, QStringLiteral("SELECT count(*) FROM ledger"));
    const qint64 changes = scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes"));
    const qint64 balance = scalar(*m_database, QStringLiteral("SELECT sum(points) FROM ledger"));

    const auto second = m_office->push(m_till, batch);
    QVERIFY(second.ok());
    QCOMPARE(statuses(*second), QStringList({sync::kDuplicate, sync::kDuplicate, sync::kDuplicate}));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM events")), 3);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM sales")), 3);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM ledger")), ledgerRows);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes")), changes);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT sum(points) FROM ledger")), balance);
    // Each event id answered in order, with its own id.
    QCOMPARE(second->at(1).toObject().value(QStringLiteral("id")).toString(),
             batch.at(1).toObject().value(QStringLiteral("id")).toString());
}

void TestHqApply::aBadEventDoesNotBlockTheOthersAndStoresNothing()
{
    const QString unknown = QStringLiteral("00000000-0000-4000-8000-999999999999");
    // The bad event books for a known member first, then names an unknown one: nothing of it may stay.
    QJsonObject bad = makeEvent(
        newId(), m_till, 2, kSale,
        salePayload(newId(), member(3), QJsonArray{ledgerEntry(1, member(3), 50), ledgerEntry(2, unknown, 5)}));
    const QJsonArray batch{sale(newId(), 1, member(1), 10), bad, sale(newId(), 3, member(2), 20)};
    const qint64 changesBefore = scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes"));
    const auto results = m_office->push(m_till, batch);
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results),
             QStringList({sync::kAccepted, QStringLiteral("rejected:unknown_member"), sync::kAccepted}));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM events")), 2);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM sales")), 2);
    QCOMPARE(
        scalar(*m_database,
               QStringLiteral("SELECT count(*) FROM ledger WHERE member_uuid = '%1' AND kind = 'earn'").arg(member(3))),
        0);
    // Two sales: a ledger and a sale change each.
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes")), changesBefore + 4);
    QVERIFY(!results->at(1).toObject().value(QStringLiteral("message")).toString().isEmpty());
}

void TestHqApply::eventOfAnotherTillIsRejected()
{
    const QString other = provisionTill(*m_office, QStringLiteral("Till 2"));
    const auto results = m_office->push(
        m_till, QJsonArray{sale(newId(), 1, member(1), 10, {}, QStringLiteral("2026-12-01T09:00:00.000Z"), other)});
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results), QStringList{QStringLiteral("rejected:wrong_till")});
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM events")), 0);
}

void TestHqApply::unknownMemberIsRejected()
{
    const auto results = m_office->push(
        m_till, QJsonArray{sale(newId(), 1, QStringLiteral("00000000-0000-4000-8000-000000099999"), 10)});
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results), QStringList{QStringLiteral("rejected:unknown_member")});
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM events")), 0);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM sales")), 0);
}

void TestHqApply::unknownTypeAndMalformedAreRejected()
{
    QJsonObject noPayload = sale(newId(), 2, member(1), 1);
    noPayload.remove(QStringLiteral("payload"));
    QJsonObject badPoints = sale(newId(), 3, member(1), 1);
    QJsonObject payload = badPoints.value(QStringLiteral("payload")).toObject();
    QJsonObject entry = ledgerEntry(1, member(1), 1);
    entry.insert(QStringLiteral("points"), 1.5);
    payload.insert(QStringLiteral("ledger"), QJsonArray{entry});
    badPoints.insert(QStringLiteral("payload"), payload);
    QJsonObject noSequence = sale(newId(), 4, member(1), 1);
    noSequence.remove(QStringLiteral("sequence"));
    const QJsonArray batch{makeEvent(newId(), m_till, 1, QStringLiteral("sale.teleported"), QJsonObject()), noPayload,
                           badPoints, noSequence, QJsonValue(42)};
    const auto results = m_office->push(m_till, batch);
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results),
             QStringList({QStringLiteral("rejected:unknown_type"), QStringLiteral("rejected:malformed_event"),
                          QStringLiteral("rejected:malformed_event"), QStringLiteral("rejected:malformed_event"),
                          QStringLiteral("rejected:malformed_event")}));
    QVERIFY2(results->at(2)
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("payload.ledger[0].points")),
             qPrintable(results->at(2).toObject().value(QStringLiteral("message")).toString()));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM events")), 0);
}

void TestHqApply::enrolmentAddsMemberAndCard()
{
    const QString uuid = newId();
    const QJsonObject payload{
        {QStringLiteral("member_uuid"), uuid},
        {QStringLiteral("name"), QStringLiteral("Erika Mustermann")},
        {QStringLiteral("email"), QStringLiteral("erika@example.org")},
        {QStringLiteral("phone"), QJsonValue()},
        {QStringLiteral("birth_date"), QStringLiteral("1980-02-29")},
        {QStringLiteral("card_number"), QStringLiteral("2000999000017")},
        {QStringLiteral("consent"), QJsonObject()},
        {QStringLiteral("enrolled_at"), QStringLiteral("2026-12-01T09:00:00.000Z")},
        {QStringLiteral("referred_by_member_uuid"), member(4)},
        {QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, uuid, 100), ledgerEntry(2, member(4), 50)}}};
    const auto results =
        m_office->push(m_till, QJsonArray{makeEvent(newId(), m_till, 1, QStringLiteral("member.enrolled"), payload),
                                          sale(newId(), 2, uuid, 7)});
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results), QStringList({sync::kAccepted, sync::kAccepted}));
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM cards WHERE number = '2000999000017'"
                                                " AND member_uuid = '%1' AND state = 'active'")
                                     .arg(uuid)),
             1);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT sum(points) FROM ledger WHERE member_uuid = '%1'").arg(uuid)),
             107);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes WHERE origin_till = '%1'"
                                                " AND kind IN ('member', 'card')")
                                     .arg(m_till)),
             2);
}

void TestHqApply::cardOfAnotherMemberIsTaken()
{
    const QJsonObject payload{{QStringLiteral("member_uuid"), newId()},
                              {QStringLiteral("name"), QStringLiteral("Max Mustermann")},
                              {QStringLiteral("card_number"), QStringLiteral("2000000000015")},  // member 1's
                              {QStringLiteral("enrolled_at"), QStringLiteral("2026-12-01T09:00:00.000Z")}};
    const auto results =
        m_office->push(m_till, QJsonArray{makeEvent(newId(), m_till, 1, QStringLiteral("member.enrolled"), payload)});
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results), QStringList{QStringLiteral("rejected:card_taken")});
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM members")), 20);
}

void TestHqApply::cardBlockedAndReplaced()
{
    const QString card5 = DemoShop::cardNumberFor(5);
    const QString card6 = DemoShop::cardNumberFor(6);
    const QJsonObject blocked{{QStringLiteral("member_uuid"), member(5)},
                              {QStringLiteral("card_number"), card5},
                              {QStringLiteral("at"), QStringLiteral("2026-12-01T09:00:00.000Z")}};
    QJsonObject replaced = blocked;
    replaced.insert(QStringLiteral("card_number"), card6);
    replaced.insert(QStringLiteral("member_uuid"), member(6));
    replaced.insert(QStringLiteral("new_card_number"), QStringLiteral("2000777000010"));
    QJsonObject stolen = blocked;
    stolen.insert(QStringLiteral("member_uuid"), member(7));  // member 5's card
    const auto results =
        m_office->push(m_till, QJsonArray{makeEvent(newId(), m_till, 1, QStringLiteral("card.blocked"), blocked),
                                          makeEvent(newId(), m_till, 2, QStringLiteral("card.replaced"), replaced),
                                          makeEvent(newId(), m_till, 3, QStringLiteral("card.added"), stolen)});
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results),
             QStringList({sync::kAccepted, sync::kAccepted, QStringLiteral("rejected:card_taken")}));
    QCOMPARE(scalar(*m_database,
                    QStringLiteral("SELECT count(*) FROM cards WHERE number = '%1' AND state = 'blocked'").arg(card5)),
             1);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM cards WHERE number = '%1'"
                                                " AND state = 'replaced' AND replaced_by = '2000777000010'")
                                     .arg(card6)),
             1);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM cards WHERE number = '2000777000010'"
                                                " AND state = 'active' AND member_uuid = '%1'")
                                     .arg(member(6))),
             1);
}

void TestHqApply::couponWinnerIndependentOfArrivalOrder()
{
    // Three uses of one code on three offline tills; the earliest till time wins (ties: smaller id).
    const QString tills[3] = {m_till, provisionTill(*m_office, QStringLiteral("Till 2")),
                              provisionTill(*m_office, QStringLiteral("Till 3"))};
    const QString times[3] = {QStringLiteral("2026-12-01T09:05:00.000Z"), QStringLiteral("2026-12-01T09:01:00.000Z"),
                              QStringLiteral("2026-12-01T09:01:00.000Z")};
    QString ids[3] = {newId(), QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"),
                      QStringLiteral("bbbbbbbb-0000-4000-8000-000000000001")};
    const QJsonArray effects{QJsonObject{{QStringLiteral("kind"), QStringLiteral("discount")},
                                         {QStringLiteral("code"), QStringLiteral("once-123")}}};
    QJsonObject events[3];
    for (int i = 0; i < 3; ++i)
        events[i] = sale(ids[i], 1, member(i + 1), 1, effects, times[i], tills[i]);

    QStringList winners;
    QStringList conflicts;
    for (const QList<int>& order : {QList<int>{0, 1, 2}, QList<int>{2, 1, 0}, QList<int>{1, 0, 2}}) {
        cleanup();
        init();
        const QString freshTills[3] = {m_till, provisionTill(*m_office, QStringLiteral("Till 2")),
                                       provisionTill(*m_office, QStringLiteral("Till 3"))};
        for (const int i : order) {
            QJsonObject e = events[i];
            e.insert(QStringLiteral("till_id"), freshTills[i]);
            const auto pushed = m_office->push(freshTills[i], QJsonArray{e});
            QVERIFY(pushed.ok());
            QCOMPARE(statuses(*pushed), QStringList{sync::kAccepted});
        }
        QSqlQuery winner(m_database->connection());
        QVERIFY(winner.exec(QStringLiteral("SELECT winner, used_at FROM coupon_uses WHERE code = 'ONCE-123'")));
        QVERIFY(winner.next());
        winners.append(winner.value(0).toString() + u' ' + winner.value(1).toString());
        QSqlQuery losers(m_database->connection());
        QVERIFY(losers.exec(QStringLiteral("SELECT event_id FROM coupon_conflicts ORDER BY event_id")));
        QStringList lost;
        while (losers.next())
            lost.append(losers.value(0).toString());
        conflicts.append(lost.join(u','));
    }
    QCOMPARE(winners.first(), ids[1] + QStringLiteral(" 2026-12-01T09:01:00.000Z"));
    QCOMPARE(winners, QStringList(3, winners.first()));
    QStringList expectedLosers{ids[0], ids[2]};
    expectedLosers.sort();
    QCOMPARE(conflicts, QStringList(3, expectedLosers.join(u',')));
}

void TestHqApply::campaignCodesAreNotArbitrated()
{
    // The built-in demo programme's campaign codes may be used by everyone.
    const auto programme = ProgrammeStore::builtIn();
    QVERIFY(programme.ok());
    QString campaign;
    for (const CouponDefinition& coupon : programme->coupons) {
        if (coupon.kind == CouponDefinition::Kind::Campaign && !coupon.codes.isEmpty())
            campaign = coupon.codes.first();
    }
    if (campaign.isEmpty())
        QFAIL("the built-in demo programme has no campaign coupon to test with");
    QJsonObject first = sale(newId(), 1, member(1), 1, QJsonArray{QJsonObject{{QStringLiteral("code"), campaign}}});
    QJsonObject second = sale(newId(), 2, member(2), 1, QJsonArray{QJsonObject{{QStringLiteral("code"), campaign}}});
    for (QJsonObject* e : {&first, &second}) {
        QJsonObject payload = e->value(QStringLiteral("payload")).toObject();
        payload.insert(QStringLiteral("programme_version"), programme->version);
        e->insert(QStringLiteral("payload"), payload);
    }
    const auto pushed = m_office->push(m_till, QJsonArray{first, second});
    QVERIFY(pushed.ok());
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM coupon_uses")), 0);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM coupon_conflicts")), 0);
}

void TestHqApply::overdraftIsRecorded()
{
    const qint64 opening =
        scalar(*m_database, QStringLiteral("SELECT sum(points) FROM ledger WHERE member_uuid = '%1'").arg(member(8)));
    // Two offline tills both spent the whole balance.
    const QString other = provisionTill(*m_office, QStringLiteral("Till 2"));
    const QJsonObject first = makeEvent(
        newId(), m_till, 1, kSale,
        salePayload(newId(), member(8), QJsonArray{ledgerEntry(1, member(8), -opening, QStringLiteral("redeem"))}));
    const QJsonObject second = makeEvent(
        newId(), other, 1, kSale,
        salePayload(newId(), member(8), QJsonArray{ledgerEntry(1, member(8), -opening - 1, QStringLiteral("redeem"))}));
    QVERIFY(m_office->push(m_till, QJsonArray{first}).ok());
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM overdrafts")), 0);
    const auto pushed = m_office->push(other, QJsonArray{second});
    QVERIFY(pushed.ok());
    QCOMPARE(statuses(*pushed), QStringList{sync::kAccepted});  // booked as the till booked it
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM overdrafts WHERE member_uuid = '%1'"
                                                " AND balance = %2 AND till_id = '%3'")
                                     .arg(member(8))
                                     .arg(-opening - 1)
                                     .arg(other)),
             1);
}

void TestHqApply::returnAddsToTheSale()
{
    const QString saleUuid = newId();
    QJsonObject completed = makeEvent(newId(), m_till, 1, kSale,
                                      salePayload(saleUuid, member(9), QJsonArray{ledgerEntry(1, member(9), 12)}));
    const QJsonObject returned = makeEvent(
        newId(), m_till, 2, QStringLiteral("sale.returned"),
        QJsonObject{{QStringLiteral("return_uuid"), newId()},
                    {QStringLiteral("sale_uuid"), saleUuid},
                    {QStringLiteral("member_uuid"), member(9)},
                    {QStringLiteral("refund_minor"), 500},
                    {QStringLiteral("refund_eligible_minor"), 500},
                    {QStringLiteral("lines"), QJsonArray()},
                    {QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, member(9), -5, QStringLiteral("reverse"))}}});
    const auto pushed = m_office->push(m_till, QJsonArray{completed, returned});
    QVERIFY(pushed.ok());
    QCOMPARE(statuses(*pushed), QStringList({sync::kAccepted, sync::kAccepted}));
    QCOMPARE(scalar(*m_database,
                    QStringLiteral("SELECT refunded_eligible_minor FROM sales WHERE uuid = '%1'").arg(saleUuid)),
             500);
    QCOMPARE(scalar(*m_database, QStringLiteral("SELECT count(*) FROM changes WHERE kind = 'sale'")), 2);
}

void TestHqApply::countersPerTill()
{
    const QJsonObject accepted = sale(newId(), 7, member(1), 10);
    const auto pushed =
        m_office->push(m_till, QJsonArray{accepted, accepted, sale(newId(), 8, QStringLiteral("nobody"), 1),
                                          sale(newId(), 5, member(2), 1)});
    QVERIFY(pushed.ok());
    const auto tills = m_office->tills();
    QVERIFY(tills.ok());
    QCOMPARE(tills->size(), 1);
    const TillRecord& till = tills->first();
    QCOMPARE(till.accepted, 2);
    QCOMPARE(till.duplicates, 1);
    QCOMPARE(till.rejected, 1);
    QCOMPARE(till.lastSequence, 7);
    QCOMPARE(till.lastSeen, m_clock->nowIso());
}

void TestHqApply::payloadTextsAreCutFromTheBody()
{
    // The bytes between the braces, whitespace, nested brackets and escapes inside strings included.
    const QByteArray body = R"( { "events" : [ {"id":"a","payload": {"x":"}]\"{","y":[1,{"z":null}]} },)"
                            R"({"payload":{},"id":"b"} ], "other": {"events": []} } )";
    QVERIFY(!QJsonDocument::fromJson(body).isNull());
    QCOMPARE(EventPayloadTexts::cut(body),
             QList<QByteArray>({R"({"x":"}]\"{","y":[1,{"z":null}]})", QByteArrayLiteral("{}")}));
    // What cannot be placed for certain is left to the serialiser: for one event...
    QCOMPARE(EventPayloadTexts::cut(R"({"events":[{"payload":{"a":1},"payload":{"a":2}},{"pay\u006coad":{}},)"
                                    R"({"payload":[1]},{"payload":{"b":2}}]})"),
             QList<QByteArray>({QByteArray(), QByteArray(), QByteArray(), QByteArrayLiteral(R"({"b":2})")}));
    // ...or for the whole body.
    QVERIFY(EventPayloadTexts::cut(R"({"events":[{"payload":{}}],"events":[]})").isEmpty());
    QVERIFY(EventPayloadTexts::cut(R"({"ev\u0065nts":[],"events":[{"payload":{}}]})").isEmpty());
    QVERIFY(EventPayloadTexts::cut(R"([{"payload":{}}])").isEmpty());
    QVERIFY(EventPayloadTexts::cut(R"({"events":{"payload":{}}})").isEmpty());
    QVERIFY(EventPayloadTexts::cut(R"({"events":[{"payload":{}})").isEmpty());
}

void TestHqApply::storedPayloadIsTheTillsText()
{
    const QJsonObject event = sale(newId(), 1, member(1), 10);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("events"), QJsonArray{event}}}).toJson();
    const QList<QByteArray> texts = EventPayloadTexts::cut(body);
    QCOMPARE(texts.size(), 1);
    QVERIFY(texts[0].contains('\n'));  // indented: not what the serialiser would write
    const auto pushed = m_office->push(m_till, QJsonArray{event}, texts);
    QVERIFY2(pushed.ok(), qPrintable(errorText(pushed)));
    QCOMPARE(statuses(*pushed), QStringList({sync::kAccepted}));
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT payload FROM events")));
    QVERIFY(query.next());
    const QString stored = query.value(0).toString();
    QCOMPARE(QJsonDocument::fromJson(stored.toUtf8()).object(), event.value(QStringLiteral("payload")).toObject());
    if (!m_database->dialect().isPostgresql())
        QCOMPARE(stored.toUtf8(), texts[0]);
    // The same event again is a duplicate, whatever its text.
    const auto again = m_office->push(m_till, QJsonArray{event});
    QVERIFY(again.ok());
    QCOMPARE(statuses(*again), QStringList({sync::kDuplicate}));
}

QTEST_GUILESS_MAIN(TestHqApply)
#include "TestHqApply.moc"
