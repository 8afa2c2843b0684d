// Two accounts of one person become one: every balance moves (points lot by lot with its expiry),
// the cards follow so a scan finds the target, consents stay, the source is marked merged; one
// transaction with its audit entry and the members.merged event.
#include "account/PointsHistory.h"
#include "account/PointsLots.h"
#include "audit/AuditLog.h"
#include "corrections/CorrectionsFixture.h"
#include "members/CardLifecycle.h"
#include "members/MemberRepository.h"
#include "sale/ActiveProgramme.h"
#include "sale/SaleSession.h"

#include <QMap>

using namespace loyalty;
using namespace loyalty::test;

class TestMerge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void balancesLotsAndCardsMoveToTheTarget();
    void invalidMergesAreRefusedAndChangeNothing();

private:
    // Lots still in the member's points account: expiry day ("" never) -> points.
    QMap<QString, qint64> lotsOf(qint64 memberId) const;
    void addEntry(qint64 memberId, const QString& account, qint64 amount) const;

    std::unique_ptr<CorrectionsFixture> m_till;
};

void TestMerge::init()
{
    m_till = std::make_unique<CorrectionsFixture>();
    const QString problem = m_till->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestMerge::cleanup()
{
    m_till.reset();
}

QMap<QString, qint64> TestMerge::lotsOf(qint64 memberId) const
{
    PointsHistory history(m_till->db());
    const auto movements = history.movements(memberId);
    QMap<QString, qint64> lots;
    if (!movements)
        return lots;
    for (const PointsLot& lot : PointsLots::replay(*movements).lots())
        lots[lot.expiresOn.isValid() ? lot.expiresOn.toString(Qt::ISODate) : QString()] += lot.remaining;
    return lots;
}

void TestMerge::addEntry(qint64 memberId, const QString& account, qint64 amount) const
{
    QSqlQuery query(m_till->db());
    query.prepare(QStringLiteral("INSERT INTO ledger_entries (member_id, kind, points, reason, created_at, account)"
                                 " VALUES (?, 'earn', ?, 'test', ?, ?)"));
    query.bindValue(0, memberId);
    query.bindValue(1, amount);
    query.bindValue(2, m_till->clock().nowIso());
    query.bindValue(3, account);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

void TestMerge::balancesLotsAndCardsMoveToTheTarget()
{
    const qint64 source = 11;
    const qint64 target = 12;
    Corrections& corrections = m_till->corrections();
    // The source: its opening balance (never expires), a lot from 2025 (gone 2027-01-01) and one
    // from now (gone 2028-01-01), a wallet, a stamp card, a credit; a second card that is blocked.
    addEntry(source, QStringLiteral("stamps:coffee"), 4);
    addEntry(source, QStringLiteral("credit:birthday"), 500);
    const QDateTime now = m_till->clock().now();
    m_till->clock().set(QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC));
    QVERIFY(corrections.adjustPoints(m_till->manager, source, 80, QStringLiteral("old lot")).ok());
    m_till->clock().set(now);
    QVERIFY(corrections.adjustPoints(m_till->manager, source, 100, QStringLiteral("new lot")).ok());
    QVERIFY(corrections.adjustWallet(m_till->manager, source, 250, QStringLiteral("wallet")).ok());
    QVERIFY(corrections.adjustWallet(m_till->manager, target, 100, QStringLiteral("wallet")).ok());
    CardLifecycle cards(m_till->database(), m_till->clock(), m_till->settings());
    const QString primary = DemoDataGenerator::cardNumberFor(source);
    const QString second = DemoDataGenerator::cardNumberFor(4011);
    QVERIFY(cards.addCard(source, second).ok());
    QVERIFY(cards.block(second, QStringLiteral("lost")).ok());
    QSqlQuery consent(m_till->db());
    QVERIFY(consent.exec(QStringLiteral("INSERT INTO consents (member_id, purpose, given, text_version, recorded_at)"
                                        " VALUES (11, 'marketing', 1, 'v1', '2026-01-01T00:00:00.000Z')")));
    const qint64 sourceConsents =
        m_till->scalar(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = ?"), {source}).toLongLong();
    const qint64 targetConsents =
        m_till->scalar(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = ?"), {target}).toLongLong();

    const QMap<QString, qint64> sourceLots = lotsOf(source);
    QCOMPARE(sourceLots.value(QStringLiteral("2027-01-01")), 80);
    QCOMPARE(sourceLots.value(QStringLiteral("2028-01-01")), 100);
    const QMap<QString, qint64> targetLots = lotsOf(target);
    const qint64 sourcePoints = m_till->balance(source);
    const qint64 targetPoints = m_till->balance(target);
    const qint64 targetWallet = m_till->balance(target, QStringLiteral("wallet"));
    const qint64 ledgerBefore = m_till->count(QStringLiteral("ledger_entries"));

    const auto merged = corrections.merge(m_till->manager, source, target, QStringLiteral("one person, two cards"));
    QVERIFY2(merged.ok(), qPrintable(merged.ok() ? QString() : merged.error().message));
    QCOMPARE(merged->pointsMoved, sourcePoints);
    QCOMPARE(merged->movedCards, (QStringList{primary, second}));

    // Balances: all on the target, nothing left on the source, lot by lot with the expiry days.
    for (const QString& account : {QStringLiteral("points"), QStringLiteral("wallet"), QStringLiteral("stamps:coffee"),
                                   QStringLiteral("credit:birthday")}) {
        QCOMPARE(m_till->balance(source, account), 0);
    }
    QCOMPARE(m_till->balance(target), targetPoints + sourcePoints);
    QCOMPARE(m_till->balance(target, QStringLiteral("wallet")), targetWallet + 250);
    QCOMPARE(m_till->balance(target, QStringLiteral("stamps:coffee")), 4);
    QCOMPARE(m_till->balance(target, QStringLiteral("credit:birthday")), 500);
    QMap<QString, qint64> expected = targetLots;
    for (auto it = sourceLots.cbegin(); it != sourceLots.cend(); ++it)
        expected[it.key()] += it.value();
    QCOMPARE(lotsOf(target), expected);
    QVERIFY(lotsOf(source).isEmpty());
    const qint64 sourceLotCount = sourceLots.size();  // one lot per expiry day here
    const qint64 pairs = sourceLotCount + 3;          // + wallet, stamps, credit
    QCOMPARE(m_till->count(QStringLiteral("ledger_entries")), ledgerBefore + 2 * pairs);
    QCOMPARE(m_till
                 ->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE kind = 'merge_out'"
                                         " AND member_id = ?"),
                          {source})
                 .toLongLong(),
             pairs);
    QCOMPARE(m_till
                 ->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE kind = 'merge_in'"
                                         " AND member_id = ?"),
                          {target})
                 .toLongLong(),
             pairs);
    QCOMPARE(m_till
                 ->scalar(QStringLiteral("SELECT points FROM ledger_entries WHERE kind = 'merge_in'"
                                         " AND expires_on = '2027-01-01'"))
                 .toLongLong(),
             80);

    // Cards, the merged mark, consents.
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT count(*) FROM cards WHERE member_id = ?"), {source}).toLongLong(),
             0);
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT state FROM cards WHERE number = ?"), {second}).toString(),
             QStringLiteral("blocked"));
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT merged_into FROM members WHERE id = ?"), {source}).toLongLong(),
             target);
    QVERIFY(m_till->scalar(QStringLiteral("SELECT merged_into FROM members WHERE id = ?"), {target}).isNull());
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = ?"), {source}).toLongLong(),
             sourceConsents);
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = ?"), {target}).toLongLong(),
             targetConsents);

    // The event of the same transaction.
    LOYALTY_VERIFY_AUDITED(*m_till, Corrections::kMembersMergedEvent, merged->audit, AuditLog::kMembersMerged,
                           m_till->uuidOf(target));
    const QJsonObject event = *m_till->lastEvent(Corrections::kMembersMergedEvent);
    QCOMPARE(event.value(QStringLiteral("source_uuid")).toString(), m_till->uuidOf(source));
    QCOMPARE(event.value(QStringLiteral("moved_cards")).toArray(), QJsonArray::fromStringList({primary, second}));
    const QJsonArray ledger = event.value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(), 2 * pairs);
    for (const QJsonValue& value : ledger) {
        const QJsonObject entry = value.toObject();
        const bool out = entry.value(QStringLiteral("kind")).toString() == u"merge_out";
        QCOMPARE(entry.value(QStringLiteral("member_uuid")).toString(), m_till->uuidOf(out ? source : target));
    }
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT max(sequence) FROM outbox_events")).toLongLong(),
             merged->outboxSequence);
    // The audit entry names neither uuid nor card number, only pseudonyms and masked cards.
    const QVariantMap row = m_till->auditRow(merged->audit.seq);
    for (const QString& key : {QStringLiteral("before"), QStringLiteral("after")}) {
        const QString text = row.value(key).toString();
        QVERIFY2(!text.contains(m_till->uuidOf(source)) && !text.contains(primary), qPrintable(text));
    }

    // A scan of a moved card finds the target with the whole balance; the source has no card left.
    SaleSession session(m_till->database(), m_till->clock(), m_till->settings(),
                        ActiveProgramme::basic(m_till->settings()));
    QCOMPARE(session.scan(primary).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(session.member()->member.id, target);
    QCOMPARE(*session.memberBalance(), targetPoints + sourcePoints);
    session.voidSale();
    QCOMPARE(session.scan(second).kind, ScanOutcome::Kind::Refused);
    // The source's account is closed for corrections, and a sale cannot reach it by card.
    const auto closed = corrections.adjustPoints(m_till->manager, source, 10, QStringLiteral("late"));
    QVERIFY(!closed.ok());
    QCOMPARE(closed.error().reason, QStringLiteral("member_merged"));

    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestMerge::invalidMergesAreRefusedAndChangeNothing()
{
    Corrections& corrections = m_till->corrections();
    QVERIFY(corrections.merge(m_till->manager, 13, 14, QStringLiteral("same person")).ok());
    QSqlQuery erase(m_till->db());
    QVERIFY(erase.exec(QStringLiteral("UPDATE members SET erased_at = '2026-11-01T00:00:00.000Z' WHERE id = 15")));
    const QString before = m_till->fingerprint();

    const struct
    {
        qint64 source;
        qint64 target;
        const char* reason;
    } cases[] = {
        {16, 16, "same_member"},        {13, 16, "member_merged"}, {16, 13, "member_merged"},
        {15, 16, "member_erased"},      {16, 15, "member_erased"}, {16, 999999, "unknown_member"},
        {999999, 16, "unknown_member"},
    };
    for (const auto& c : cases) {
        const auto refused = corrections.merge(m_till->manager, c.source, c.target, QStringLiteral("why"));
        QVERIFY2(!refused.ok(), c.reason);
        QCOMPARE(refused.error().reason, QString::fromLatin1(c.reason));
        QVERIFY(!refused.error().message.isEmpty());
    }
    const auto noReason = corrections.merge(m_till->manager, 16, 17, QStringLiteral(" "));
    QVERIFY(!noReason.ok());
    QCOMPARE(noReason.error().reason, QStringLiteral("reason_required"));
    QCOMPARE(m_till->fingerprint(), before);
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

QTEST_GUILESS_MAIN(TestMerge)
#include "TestMerge.moc"
