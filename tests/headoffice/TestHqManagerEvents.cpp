// The store managers' events at head office (docs/sync-protocol.md): adjustments, merges,
// unblocking, erasure and consent, each applied once, refused whole when malformed or naming an
// unknown member, with the till's audit entry kept; and schema 2 over a version-1 database.
#include "HqTestSupport.h"
#include "admin/HqAuditVerifier.h"
#include "admin/HqDemo.h"
#include "audit/AuditEntry.h"
#include "audit/AuditHash.h"
#include "demo/DemoShop.h"
#include "store/HqSchema.h"
#include "time/FixedClock.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QUrl>

using namespace loyalty;
using namespace loyalty::hq;
using namespace loyalty::hq::test;

namespace {
const QString kZeroHash = QString(64, u'0');
}

class TestHqManagerEvents final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void adjustmentIsBookedOnceWithItsAuditEntry();
    void malformedAdjustmentsStoreNothing();
    void unknownMemberIsRejectedForEveryType();
    void mergeMovesCardsAndMarksTheSource();
    void mergeMustMoveBalancesWithoutLoss();
    void unblockActivatesTheCard();
    void erasureBlanksTheMemberAndRedactsStoredCopies();
    void enrolmentResentAfterErasureIsRedactedToo();
    void enrolmentRedactedAtTheTillIsAccepted();
    void consentIsRecorded();
    void auditEntriesKeepEachTillsChain();
    void auditChainIsVerifiedAtHeadOffice();
    void schemaOneIsMigrated();

private:
    QString member(qint64 number) const { return sync::memberUuidForNumber(number); }
    QJsonObject audit(qint64 seq, const QString& action);
    QJsonObject event(const QString& type, const QJsonObject& payload, bool withAudit = true);
    QJsonObject adjustment(const QString& memberUuid, qint64 amount, const QString& account = QStringLiteral("points"));
    QJsonObject merge(const QString& source, const QString& target, qint64 points);
    QStringList pushed(const QJsonArray& events);
    qint64 count(const QString& sql) { return scalar(*m_database, sql); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<HqDatabase> m_database;
    std::unique_ptr<HeadOffice> m_office;
    QString m_till;
    qint64 m_sequence = 0;
    qint64 m_auditSeq = 0;
};

void TestHqManagerEvents::init()
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
    m_sequence = 0;
    m_auditSeq = 0;
}

void TestHqManagerEvents::cleanup()
{
    m_office.reset();
    m_database.reset();
    m_dir.reset();
}

QJsonObject TestHqManagerEvents::audit(qint64 seq, const QString& action)
{
    const QString hash = QString::number(seq).rightJustified(64, u'a');
    return {{QStringLiteral("seq"), seq},
            {QStringLiteral("recorded_at"), QStringLiteral("2026-12-01T09:30:00.000Z")},
            {QStringLiteral("staff_name"), QStringLiteral("Anna")},
            {QStringLiteral("action"), action},
            {QStringLiteral("member_ref"), QStringLiteral("0123456789abcdef")},
            {QStringLiteral("reason"), QStringLiteral("goodwill")},
            {QStringLiteral("before"), QJsonObject{{QStringLiteral("points"), 10}}},
            {QStringLiteral("after"), QJsonObject{{QStringLiteral("points"), 60}}},
            {QStringLiteral("prev_hash"), seq == 1 ? kZeroHash : QString::number(seq - 1).rightJustified(64, u'a')},
            {QStringLiteral("hash"), hash}};
}

QJsonObject TestHqManagerEvents::event(const QString& type, const QJsonObject& payload, bool withAudit)
{
    QJsonObject withEntry = payload;
    if (withAudit && !withEntry.contains(QStringLiteral("audit")))
        withEntry.insert(QStringLiteral("audit"), audit(++m_auditSeq, type));
    return makeEvent(newId(), m_till, ++m_sequence, type, withEntry);
}

QJsonObject TestHqManagerEvents::adjustment(const QString& memberUuid, qint64 amount, const QString& account)
{
    return event(QStringLiteral("member.adjusted"),
                 {{QStringLiteral("member_uuid"), memberUuid},
                  {QStringLiteral("account"), account},
                  {QStringLiteral("amount"), amount},
                  {QStringLiteral("reason"), QStringLiteral("points missing from Saturday")},
                  {QStringLiteral("ledger"),
                   QJsonArray{ledgerEntry(1, memberUuid, amount, QStringLiteral("adjustment"), account)}}});
}

QJsonObject TestHqManagerEvents::merge(const QString& source, const QString& target, qint64 points)
{
    return event(QStringLiteral("members.merged"),
                 {{QStringLiteral("member_uuid"), target},
                  {QStringLiteral("source_uuid"), source},
                  {QStringLiteral("moved_cards"), QJsonArray()},
                  {QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, source, -points, QStringLiteral("merge_out")),
                                                        ledgerEntry(2, target, points, QStringLiteral("merge_in"))}}});
}

QStringList TestHqManagerEvents::pushed(const QJsonArray& events)
{
    const auto results = m_office->push(m_till, events);
    if (!results)
        return {QStringLiteral("error: ") + results.error().message};
    return statuses(*results);
}

void TestHqManagerEvents::adjustmentIsBookedOnceWithItsAuditEntry()
{
    const QString sum = QStringLiteral("SELECT sum(points) FROM ledger WHERE member_uuid = '%1' AND account = '%2'");
    const qint64 before = count(sum.arg(member(1), QStringLiteral("points")));
    const QJsonArray batch{adjustment(member(1), 50), adjustment(member(2), -250, QStringLiteral("wallet"))};
    QCOMPARE(pushed(batch), QStringList({sync::kAccepted, sync::kAccepted}));
    const qint64 changes = count(QStringLiteral("SELECT count(*) FROM changes"));
    QCOMPARE(pushed(batch), QStringList({sync::kDuplicate, sync::kDuplicate}));
    QCOMPARE(count(sum.arg(member(1), QStringLiteral("points"))), before + 50);
    QCOMPARE(count(sum.arg(member(2), QStringLiteral("wallet"))), -250);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ledger WHERE kind = 'adjustment'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM changes")), changes);
    // The other tills learn the entries as ledger changes.
    QCOMPARE(
        count(QStringLiteral("SELECT count(*) FROM changes WHERE kind = 'ledger' AND origin_till = '%1'").arg(m_till)),
        2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries WHERE till_id = '%1'").arg(m_till)), 2);
    QSqlQuery entry(m_database->connection());
    QVERIFY(entry.exec(QStringLiteral("SELECT entry, action, member_ref FROM audit_entries WHERE seq = 1")));
    QVERIFY(entry.next());
    const QJsonObject stored = QJsonDocument::fromJson(entry.value(0).toString().toUtf8()).object();
    QCOMPARE(stored, batch.at(0).toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("audit")));
    QCOMPARE(entry.value(1).toString(), QStringLiteral("member.adjusted"));
    QCOMPARE(entry.value(2).toString(), QStringLiteral("0123456789abcdef"));
}

void TestHqManagerEvents::malformedAdjustmentsStoreNothing()
{
    auto without = [this](const QString& key) {
        QJsonObject e = adjustment(member(3), 10);
        QJsonObject payload = e.value(QStringLiteral("payload")).toObject();
        payload.remove(key);
        e.insert(QStringLiteral("payload"), payload);
        return e;
    };
    auto with = [this](const QString& key, const QJsonValue& value) {
        QJsonObject e = adjustment(member(3), 10);
        QJsonObject payload = e.value(QStringLiteral("payload")).toObject();
        payload.insert(key, value);
        e.insert(QStringLiteral("payload"), payload);
        return e;
    };
    QJsonObject badAudit = adjustment(member(3), 10);
    QJsonObject payload = badAudit.value(QStringLiteral("payload")).toObject();
    QJsonObject entry = payload.value(QStringLiteral("audit")).toObject();
    entry.remove(QStringLiteral("hash"));
    payload.insert(QStringLiteral("audit"), entry);
    badAudit.insert(QStringLiteral("payload"), payload);
    const QJsonArray batch{
        without(QStringLiteral("reason")),
        without(QStringLiteral("audit")),
        badAudit,
        with(QStringLiteral("account"), QStringLiteral("stamps")),
        with(QStringLiteral("amount"), 11),  // the ledger books 10
        with(QStringLiteral("amount"), 0),
        with(QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, member(3), 10, QStringLiteral("earn"))}),
        with(QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, member(4), 10, QStringLiteral("adjustment"))}),
    };
    const qint64 changes = count(QStringLiteral("SELECT count(*) FROM changes"));
    QCOMPARE(pushed(batch), QStringList(batch.size(), QStringLiteral("rejected:malformed_event")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM ledger WHERE kind = 'adjustment'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM changes")), changes);
}

void TestHqManagerEvents::unknownMemberIsRejectedForEveryType()
{
    const QString nobody = QStringLiteral("00000000-0000-4000-8000-000000099999");
    const QJsonArray batch{
        adjustment(nobody, 5),
        merge(nobody, member(1), 0),
        merge(member(1), nobody, 0),
        event(QStringLiteral("card.unblocked"), {{QStringLiteral("member_uuid"), nobody},
                                                 {QStringLiteral("card_number"), QStringLiteral("2000555000019")}}),
        event(QStringLiteral("member.erased"),
              {{QStringLiteral("member_uuid"), nobody},
               {QStringLiteral("erased_at"), QStringLiteral("2026-12-01T09:30:00.000Z")}}),
        event(QStringLiteral("consent.recorded"),
              {{QStringLiteral("member_uuid"), nobody},
               {QStringLiteral("purpose"), QStringLiteral("newsletter")},
               {QStringLiteral("given"), true},
               {QStringLiteral("text_version"), QStringLiteral("2026-1")},
               {QStringLiteral("recorded_at"), QStringLiteral("2026-12-01T09:30:00.000Z")}}),
    };
    QCOMPARE(pushed(batch), QStringList(batch.size(), QStringLiteral("rejected:unknown_member")));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM consents")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE number = '2000555000019'")), 0);
}

void TestHqManagerEvents::mergeMovesCardsAndMarksTheSource()
{
    const QString source = member(5);
    const QString target = member(6);
    const qint64 sourceCards = count(QStringLiteral("SELECT count(*) FROM cards WHERE member_uuid = '%1'").arg(source));
    const qint64 targetCards = count(QStringLiteral("SELECT count(*) FROM cards WHERE member_uuid = '%1'").arg(target));
    QVERIFY(sourceCards > 0);
    const QString balance = QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger WHERE member_uuid = '%1'");
    const qint64 sourcePoints = count(balance.arg(source));
    const qint64 targetPoints = count(balance.arg(target));
    const qint64 changes = count(QStringLiteral("SELECT count(*) FROM changes"));
    const QString targetCardChanges =
        QStringLiteral("SELECT count(*) FROM changes WHERE kind = 'card' AND data LIKE '%%1%'").arg(target);
    const qint64 targetCardChangesBefore = count(targetCardChanges);

    QJsonObject merged = merge(source, target, sourcePoints);
    QJsonObject payload = merged.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("moved_cards"), QJsonArray{DemoShop::cardNumberFor(5)});
    merged.insert(QStringLiteral("payload"), payload);
    QCOMPARE(pushed({merged}), QStringList{sync::kAccepted});
    QCOMPARE(pushed({merged}), QStringList{sync::kDuplicate});

    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE member_uuid = '%1'").arg(source)), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE member_uuid = '%1'").arg(target)),
             sourceCards + targetCards);
    QCOMPARE(count(balance.arg(source)), 0);
    QCOMPARE(count(balance.arg(target)), sourcePoints + targetPoints);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM members WHERE uuid = '%1' AND merged_into = '%2'")
                       .arg(source, target)),
             1);
    // One change per moved card, the source's member change and the two ledger entries.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM changes")), changes + sourceCards + 1 + 2);
    QSqlQuery change(m_database->connection());
    QVERIFY(change.exec(QStringLiteral("SELECT data FROM changes WHERE kind = 'member' ORDER BY seq DESC LIMIT 1")));
    QVERIFY(change.next());
    const QJsonObject data = QJsonDocument::fromJson(change.value(0).toString().toUtf8()).object();
    QCOMPARE(data.value(QStringLiteral("uuid")).toString(), source);
    QCOMPARE(data.value(QStringLiteral("merged_into_uuid")).toString(), target);
    QCOMPARE(count(targetCardChanges), targetCardChangesBefore + sourceCards);

    // Erasing the merged source later rewrites its earlier member changes without the merge target
    // (a till provisioned later meets them before the target's own change); the newest names it.
    QCOMPARE(pushed({event(QStringLiteral("member.erased"),
                           {{QStringLiteral("member_uuid"), source},
                            {QStringLiteral("erased_at"), QStringLiteral("2026-12-01T09:40:00.000Z")}})}),
             QStringList{sync::kAccepted});
    QSqlQuery sourceChanges(m_database->connection());
    QVERIFY(sourceChanges.exec(QStringLiteral("SELECT data FROM changes WHERE kind = 'member' ORDER BY seq")));
    QStringList targets;
    while (sourceChanges.next()) {
        const QJsonObject row = QJsonDocument::fromJson(sourceChanges.value(0).toString().toUtf8()).object();
        if (row.value(QStringLiteral("uuid")).toString() == source)
            targets << row.value(QStringLiteral("merged_into_uuid")).toString(QStringLiteral("-"));
    }
    QCOMPARE(targets, (QStringList{QStringLiteral("-"), QStringLiteral("-"), target}));

    // A second till, offline meanwhile, merged the same source elsewhere: its booking stands, the
    // first target stays.
    QCOMPARE(pushed({merge(source, member(7), 0)}), QStringList{sync::kAccepted});
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM members WHERE uuid = '%1' AND merged_into = '%2'")
                       .arg(source, target)),
             1);
}

void TestHqManagerEvents::mergeMustMoveBalancesWithoutLoss()
{
    QJsonObject lossy = merge(member(8), member(9), 40);
    QJsonObject payload = lossy.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, member(8), -40, QStringLiteral("merge_out")),
                                                        ledgerEntry(2, member(9), 30, QStringLiteral("merge_in"))});
    lossy.insert(QStringLiteral("payload"), payload);
    QJsonObject swapped = merge(member(8), member(9), 40);
    payload = swapped.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, member(9), -40, QStringLiteral("merge_out")),
                                                        ledgerEntry(2, member(8), 40, QStringLiteral("merge_in"))});
    swapped.insert(QStringLiteral("payload"), payload);
    QJsonObject taken = merge(member(8), member(9), 0);
    payload = taken.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("moved_cards"), QJsonArray{DemoShop::cardNumberFor(10)});  // member 10's
    taken.insert(QStringLiteral("payload"), payload);
    QCOMPARE(pushed({lossy, swapped, merge(member(8), member(8), 0), taken}),
             QStringList({QStringLiteral("rejected:malformed_event"), QStringLiteral("rejected:malformed_event"),
                          QStringLiteral("rejected:malformed_event"), QStringLiteral("rejected:card_taken")}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM members WHERE merged_into IS NOT NULL")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE member_uuid = '%1'").arg(member(8))),
             count(QStringLiteral("SELECT count(*) FROM cards WHERE number = '%1'").arg(DemoShop::cardNumberFor(8))));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events")), 0);
}

void TestHqManagerEvents::unblockActivatesTheCard()
{
    const QString card = DemoShop::cardNumberFor(11);
    const QJsonObject payload{{QStringLiteral("member_uuid"), member(11)}, {QStringLiteral("card_number"), card}};
    const QJsonObject blocked = event(QStringLiteral("card.blocked"), payload, false);
    const QJsonObject unblocked = event(QStringLiteral("card.unblocked"), payload);
    const QJsonObject unaudited = event(QStringLiteral("card.unblocked"), payload, false);
    QJsonObject foreign = event(QStringLiteral("card.unblocked"),
                                {{QStringLiteral("member_uuid"), member(12)}, {QStringLiteral("card_number"), card}});
    QCOMPARE(pushed({blocked}), QStringList{sync::kAccepted});
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE number = '%1' AND state = 'blocked'").arg(card)),
             1);
    const qint64 changes = count(QStringLiteral("SELECT count(*) FROM changes WHERE kind = 'card'"));
    QCOMPARE(pushed({unaudited, foreign, unblocked, unblocked}),
             QStringList({QStringLiteral("rejected:malformed_event"), QStringLiteral("rejected:card_taken"),
                          sync::kAccepted, sync::kDuplicate}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE number = '%1' AND state = 'active'"
                                  " AND member_uuid = '%2'")
                       .arg(card, member(11))),
             1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM changes WHERE kind = 'card'")), changes + 1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries")), 1);
}

void TestHqManagerEvents::erasureBlanksTheMemberAndRedactsStoredCopies()
{
    const QString uuid = newId();
    const QJsonObject enrolled{{QStringLiteral("member_uuid"), uuid},
                               {QStringLiteral("name"), QStringLiteral("Erika Mustermann")},
                               {QStringLiteral("email"), QStringLiteral("erika@example.org")},
                               {QStringLiteral("phone"), QStringLiteral("+49 30 555-0199")},
                               {QStringLiteral("birth_date"), QStringLiteral("1980-02-29")},
                               {QStringLiteral("card_number"), QStringLiteral("2000999000017")},
                               {QStringLiteral("enrolled_at"), QStringLiteral("2026-11-01T09:00:00.000Z")},
                               {QStringLiteral("ledger"), QJsonArray{ledgerEntry(1, uuid, 100)}}};
    QCOMPARE(pushed({event(QStringLiteral("member.enrolled"), enrolled, false)}), QStringList{sync::kAccepted});
    // Built by concatenation: QString::arg would take the %1 of '%1980…' for its own.
    const auto personal = [](const QString& table, const QString& column) -> QString {
        return QStringLiteral("SELECT count(*) FROM ") + table + QStringLiteral(" WHERE ") + column +
               QStringLiteral(" LIKE '%Erika%' OR ") + column + QStringLiteral(" LIKE '%1980-02-29%' OR ") + column +
               QStringLiteral(" LIKE '%555-0199%'");
    };
    QCOMPARE(count(personal(QStringLiteral("events"), QStringLiteral("payload"))), 1);
    QCOMPARE(count(personal(QStringLiteral("changes"), QStringLiteral("data"))), 1);

    const QJsonObject erased = event(QStringLiteral("member.erased"),
                                     {{QStringLiteral("member_uuid"), uuid},
                                      {QStringLiteral("erased_at"), QStringLiteral("2026-12-01T09:30:00.000Z")}});
    QJsonObject malformed = erased;
    QJsonObject payload = erased.value(QStringLiteral("payload")).toObject();
    payload.remove(QStringLiteral("erased_at"));
    malformed.insert(QStringLiteral("payload"), payload);
    malformed.insert(QStringLiteral("id"), newId());
    QCOMPARE(pushed({malformed, erased, erased}),
             QStringList({QStringLiteral("rejected:malformed_event"), sync::kAccepted, sync::kDuplicate}));

    QSqlQuery row(m_database->connection());
    QVERIFY(row.exec(
        QStringLiteral("SELECT name, email, phone, birth_date, erased_at FROM members WHERE uuid = '%1'").arg(uuid)));
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), QString());
    QVERIFY(row.value(1).isNull());
    QVERIFY(row.value(2).isNull());
    QVERIFY(row.value(3).isNull());
    QCOMPARE(row.value(4).toString(), QStringLiteral("2026-12-01T09:30:00.000Z"));
    // Nothing of the person is left at head office: not in the enrolment's stored payload, not in the feed.
    QCOMPARE(count(personal(QStringLiteral("events"), QStringLiteral("payload"))), 0);
    QCOMPARE(count(personal(QStringLiteral("changes"), QStringLiteral("data"))), 0);
    QCOMPARE(count(personal(QStringLiteral("members"), QStringLiteral("name"))), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'member.enrolled'")), 1);
    // ...while the accounting stays: the ledger keeps the anonymous amounts, the card is blocked.
    QCOMPARE(count(QStringLiteral("SELECT sum(points) FROM ledger WHERE member_uuid = '%1'").arg(uuid)), 100);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE number = '2000999000017' AND state = 'blocked'")),
             1);
    // The other tills learn it: a member change with erased_at and blank fields, last in the feed.
    QSqlQuery change(m_database->connection());
    QVERIFY(change.exec(QStringLiteral("SELECT data FROM changes WHERE kind = 'member' ORDER BY seq DESC LIMIT 1")));
    QVERIFY(change.next());
    const QJsonObject data = QJsonDocument::fromJson(change.value(0).toString().toUtf8()).object();
    QCOMPARE(data.value(QStringLiteral("uuid")).toString(), uuid);
    QCOMPARE(data.value(QStringLiteral("name")).toString(), QString());
    QVERIFY(data.value(QStringLiteral("email")).isNull());
    QCOMPARE(data.value(QStringLiteral("erased_at")).toString(), QStringLiteral("2026-12-01T09:30:00.000Z"));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries WHERE action = 'member.erased'")), 1);
}

void TestHqManagerEvents::enrolmentResentAfterErasureIsRedactedToo()
{
    const QString uuid = newId();
    const QJsonObject enrolled{{QStringLiteral("member_uuid"), uuid},
                               {QStringLiteral("name"), QStringLiteral("Max Mustermann")},
                               {QStringLiteral("email"), QStringLiteral("max@example.org")},
                               {QStringLiteral("enrolled_at"), QStringLiteral("2026-11-01T09:00:00.000Z")}};
    QCOMPARE(pushed({event(QStringLiteral("member.enrolled"), enrolled, false),
                     event(QStringLiteral("member.erased"),
                           {{QStringLiteral("member_uuid"), uuid},
                            {QStringLiteral("erased_at"), QStringLiteral("2026-12-01T09:30:00.000Z")}}),
                     event(QStringLiteral("member.enrolled"), enrolled, false)}),
             QStringList({sync::kAccepted, sync::kAccepted, sync::kAccepted}));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE type = 'member.enrolled'")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE payload LIKE '%Mustermann%'"
                                  " OR payload LIKE '%max@%'")),
             0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM changes WHERE data LIKE '%Mustermann%'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM members WHERE uuid = '%1' AND name = ''").arg(uuid)), 1);
}

void TestHqManagerEvents::enrolmentRedactedAtTheTillIsAccepted()
{
    // Enrolled and erased at the till before the enrolment was sent: the till redacted its payload.
    const QString uuid = newId();
    const QJsonObject redacted{{QStringLiteral("member_uuid"), uuid},
                               {QStringLiteral("name"), QStringLiteral("")},
                               {QStringLiteral("email"), QJsonValue()},
                               {QStringLiteral("card_number"), QStringLiteral("2000999000024")},
                               {QStringLiteral("enrolled_at"), QStringLiteral("2026-11-01T09:00:00.000Z")},
                               {QStringLiteral("redacted"), true}};
    QJsonObject unredacted = redacted;
    unredacted.remove(QStringLiteral("redacted"));
    unredacted.insert(QStringLiteral("member_uuid"), newId());
    QCOMPARE(pushed({event(QStringLiteral("member.enrolled"), unredacted, false),
                     event(QStringLiteral("member.enrolled"), redacted, false)}),
             QStringList({QStringLiteral("rejected:malformed_event"), sync::kAccepted}));
    QCOMPARE(pushed({event(QStringLiteral("member.erased"),
                           {{QStringLiteral("member_uuid"), uuid},
                            {QStringLiteral("erased_at"), QStringLiteral("2026-12-01T09:30:00.000Z")}})}),
             QStringList{sync::kAccepted});
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM members WHERE uuid = '%1' AND name = ''"
                                  " AND erased_at = '2026-12-01T09:30:00.000Z'")
                       .arg(uuid)),
             1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM cards WHERE number = '2000999000024' AND state = 'blocked'")),
             1);
}

void TestHqManagerEvents::consentIsRecorded()
{
    QJsonObject given{{QStringLiteral("member_uuid"), member(13)},
                      {QStringLiteral("purpose"), QStringLiteral("newsletter")},
                      {QStringLiteral("given"), true},
                      {QStringLiteral("text_version"), QStringLiteral("2026-1")},
                      {QStringLiteral("recorded_at"), QStringLiteral("2026-12-01T09:30:00+01:00")}};
    QJsonObject withdrawn = given;
    withdrawn.insert(QStringLiteral("given"), false);
    withdrawn.insert(QStringLiteral("recorded_at"), QStringLiteral("2026-12-01T09:45:00.000Z"));
    QJsonObject yes = given;
    yes.insert(QStringLiteral("given"), QStringLiteral("yes"));
    QJsonObject noVersion = given;
    noVersion.remove(QStringLiteral("text_version"));
    const QJsonObject first = event(QStringLiteral("consent.recorded"), given);
    // Withdrawn on the customer's own device: no staff, no audit entry.
    QCOMPARE(pushed({first, event(QStringLiteral("consent.recorded"), withdrawn, false),
                     event(QStringLiteral("consent.recorded"), yes),
                     event(QStringLiteral("consent.recorded"), noVersion), first}),
             QStringList({sync::kAccepted, sync::kAccepted, QStringLiteral("rejected:malformed_event"),
                          QStringLiteral("rejected:malformed_event"), sync::kDuplicate}));
    QSqlQuery rows(m_database->connection());
    QVERIFY(rows.exec(QStringLiteral("SELECT given, text_version, recorded_at, till_id FROM consents"
                                     " WHERE member_uuid = '%1' ORDER BY recorded_at")
                          .arg(member(13))));
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toLongLong(), 1);
    QCOMPARE(rows.value(1).toString(), QStringLiteral("2026-1"));
    QCOMPARE(rows.value(2).toString(), QStringLiteral("2026-12-01T08:30:00.000Z"));
    QCOMPARE(rows.value(3).toString(), m_till);
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toLongLong(), 0);
    QVERIFY(!rows.next());
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries WHERE action = 'consent.recorded'")), 1);
}

void TestHqManagerEvents::auditEntriesKeepEachTillsChain()
{
    const QString other = provisionTill(*m_office, QStringLiteral("Till 2"));
    QCOMPARE(pushed({adjustment(member(14), 5)}), QStringList{sync::kAccepted});
    QJsonObject there = adjustment(member(14), 5);
    there.insert(QStringLiteral("till_id"), other);  // seq 1 again, on the other till's own chain
    QJsonObject payload = there.value(QStringLiteral("payload")).toObject();
    payload.insert(QStringLiteral("audit"), audit(1, QStringLiteral("points.adjusted")));
    there.insert(QStringLiteral("payload"), payload);
    const auto results = m_office->push(other, {there});
    QVERIFY(results.ok());
    QCOMPARE(statuses(*results), QStringList{sync::kAccepted});
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries WHERE seq = 1")), 2);
    QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT till_id) FROM audit_entries")), 2);
    // A replacement without an entry (an older till) still applies; one with an entry keeps it.
    const QJsonObject replaced{{QStringLiteral("member_uuid"), member(15)},
                               {QStringLiteral("card_number"), DemoShop::cardNumberFor(15)},
                               {QStringLiteral("new_card_number"), QStringLiteral("2000888000011")}};
    QCOMPARE(pushed({event(QStringLiteral("card.replaced"), replaced)}), QStringList{sync::kAccepted});
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_entries WHERE till_id = '%1'").arg(m_till)), 2);
}

void TestHqManagerEvents::auditChainIsVerifiedAtHeadOffice()
{
    // A real chain as the till's AuditLog writes it; entry 3 (a staff change) never travels.
    QList<AuditEntry> chain;
    QString previous = AuditHash::kGenesis;
    for (qint64 seq = 1; seq <= 5; ++seq) {
        AuditEntry entry;
        entry.seq = seq;
        entry.recordedAt = QStringLiteral("2026-12-01T09:3%1:00.000Z").arg(seq);
        entry.staffId = 2;
        entry.staffName = QStringLiteral("Anna");
        entry.action = seq == 3 ? QStringLiteral("staff.added") : QStringLiteral("points.adjusted");
        entry.memberRef = QStringLiteral("0123456789abcdef");
        entry.reason = QStringLiteral("goodwill %1").arg(seq);
        entry.before = {{QStringLiteral("points"), 10 * seq}};
        entry.after = {{QStringLiteral("points"), 10 * seq + 5}, {QStringLiteral("amount"), 5}};
        entry.prevHash = previous;
        entry.hash =
            AuditHash::of(entry, AuditHash::canonicalJson(entry.before), AuditHash::canonicalJson(entry.after));
        previous = entry.hash;
        chain.append(entry);
    }
    auto carrying = [this](const AuditEntry& entry) {
        QJsonObject e = adjustment(member(16), 5);
        QJsonObject payload = e.value(QStringLiteral("payload")).toObject();
        payload.insert(QStringLiteral("audit"), entry.toJson());
        e.insert(QStringLiteral("payload"), payload);
        return e;
    };
    QCOMPARE(pushed({carrying(chain[0]), carrying(chain[1]), carrying(chain[3]), carrying(chain[4])}),
             QStringList(4, sync::kAccepted));
    HqAuditVerifier verifier(*m_database);
    auto report = verifier.verify(m_till);
    QVERIFY2(report.ok(), qPrintable(errorText(report)));
    QVERIFY(report->ok());
    QCOMPARE(report->entries, 4);
    QCOMPARE(report->notReceived, 1);

    // Edited at head office: found by the till's own hash.
    QSqlQuery edit(m_database->connection());
    QVERIFY(edit.exec(
        QStringLiteral("UPDATE audit_entries SET entry = replace(entry, 'goodwill 2', 'goodwill 200') WHERE seq = 2")));
    // A forked chain (the till restored from a backup wrote another entry 5) and one that does not follow.
    AuditEntry other = chain[4];
    other.reason = QStringLiteral("after the restore");
    other.hash = AuditHash::of(other, AuditHash::canonicalJson(other.before), AuditHash::canonicalJson(other.after));
    AuditEntry sixth = chain[4];
    sixth.seq = 6;
    sixth.prevHash = QString(64, u'f');
    sixth.hash = AuditHash::of(sixth, AuditHash::canonicalJson(sixth.before), AuditHash::canonicalJson(sixth.after));
    QCOMPARE(pushed({carrying(other), carrying(sixth)}), QStringList(2, sync::kAccepted));
    report = verifier.verify(m_till);
    QVERIFY(report.ok());
    QVERIFY(!report->ok());
    QCOMPARE(report->edited, QList<qint64>{2});
    QCOMPARE(report->forked, QList<qint64>{5});
    QCOMPARE(report->unlinked, QList<qint64>{6});
    // Another till's chain is its own.
    const auto empty = verifier.verify(QStringLiteral("no-such-till"));
    QVERIFY(empty.ok());
    QCOMPARE(empty->entries, 0);
}

void TestHqManagerEvents::schemaOneIsMigrated()
{
    // A head office of version 1 with an enrolment stored, written by hand with version 1's own
    // statements: opening it migrates to version 2, whose erasure index finds the stored payload.
    cleanup();
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    QString text = freshDatabaseText(*m_dir, &error);
    QVERIFY2(!text.isEmpty(), qPrintable(error));
    const bool postgres = backendName() == QLatin1String("postgresql");
    const HqDialect dialect(postgres ? HqDatabaseUrl::Backend::Postgresql : HqDatabaseUrl::Backend::Sqlite);
    const QString uuid = newId();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"),
                                                    QStringLiteral("schema-one"));
        if (postgres)
            TestPostgres::applyUrl(db, QUrl(text));
        else
            db.setDatabaseName(text);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        for (const QString& statement : HqSchema::steps().front().statements)
            QVERIFY2(query.exec(dialect.ddl(statement)), qPrintable(query.lastError().text()));
        QVERIFY(query.exec(QStringLiteral("UPDATE hq_schema SET version = 1")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO members (uuid, name, email, enrolled_at) VALUES"
                                          " ('%1', 'Otto Normal', 'otto@example.org', '2026-01-01T00:00:00.000Z')")
                               .arg(uuid)));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO events (id, till_id, sequence, type, created_at, received_at,"
                                          " payload) VALUES ('e1', 't', 1, 'member.enrolled', 'x', 'x',"
                                          " '{\"member_uuid\":\"%1\",\"name\":\"Otto Normal\"}')")
                               .arg(uuid)));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO changes (kind, data) VALUES ('member',"
                                          " '{\"uuid\":\"%1\",\"name\":\"Otto Normal\"}')")
                               .arg(uuid)));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema-one"));

    m_database = openDatabase(text, &error);
    QVERIFY2(m_database, qPrintable(error));
    QCOMPARE(m_database->schemaVersion(), 2);
    QCOMPARE(HqSchema::currentVersion(), 2);
    m_office = std::make_unique<HeadOffice>(*m_database, *m_clock);
    m_till = provisionTill(*m_office, QStringLiteral("Till 1"));
    QCOMPARE(pushed({event(QStringLiteral("member.erased"),
                           {{QStringLiteral("member_uuid"), uuid},
                            {QStringLiteral("erased_at"), QStringLiteral("2026-12-01T09:30:00.000Z")}})}),
             QStringList{sync::kAccepted});
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM events WHERE payload LIKE '%Otto%'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM changes WHERE data LIKE '%Otto%'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM members WHERE erased_at IS NOT NULL")), 1);
}

QTEST_GUILESS_MAIN(TestHqManagerEvents)
#include "TestHqManagerEvents.moc"
