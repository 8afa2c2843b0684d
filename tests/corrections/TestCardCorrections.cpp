// A manager unblocks a found card or replaces a lost one: audited, one transaction each with its
// outbox event; the replacement keeps CardLifecycle's rules.
#include "audit/AuditLog.h"
#include "corrections/CorrectionsFixture.h"
#include "members/CardLifecycle.h"
#include "sale/ActiveProgramme.h"
#include "sale/SaleSession.h"

using namespace loyalty;
using namespace loyalty::test;

class TestCardCorrections final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void blockedCardIsUnblocked();
    void onlyABlockedCardIsUnblocked();
    void lostCardIsReplaced();
    void invalidReplacementsChangeNothing();

private:
    std::unique_ptr<CorrectionsFixture> m_till;
    std::unique_ptr<CardLifecycle> m_cards;
};

void TestCardCorrections::init()
{
    m_till = std::make_unique<CorrectionsFixture>();
    const QString problem = m_till->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_cards = std::make_unique<CardLifecycle>(m_till->database(), m_till->clock(), m_till->settings());
}

void TestCardCorrections::cleanup()
{
    m_cards.reset();
    m_till.reset();
}

void TestCardCorrections::blockedCardIsUnblocked()
{
    const QString card = DemoDataGenerator::cardNumberFor(3);
    QVERIFY(m_cards->block(card, QStringLiteral("lost")).ok());
    SaleSession session(m_till->database(), m_till->clock(), m_till->settings(),
                        ActiveProgramme::basic(m_till->settings()));
    QCOMPARE(session.scan(card).kind, ScanOutcome::Kind::Refused);

    const qint64 ledger = m_till->count(QStringLiteral("ledger_entries"));
    const auto unblocked =
        m_till->corrections().unblockCard(m_till->manager, card, QStringLiteral("found in her other coat"));
    QVERIFY2(unblocked.ok(), qPrintable(unblocked.ok() ? QString() : unblocked.error().message));
    QCOMPARE(unblocked->holder.member.id, 3);
    QCOMPARE(unblocked->holder.cardState, CardState::Active);
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT state FROM cards WHERE number = ?"), {card}).toString(),
             QStringLiteral("active"));
    QCOMPARE(m_till->count(QStringLiteral("ledger_entries")), ledger);

    LOYALTY_VERIFY_AUDITED(*m_till, Corrections::kCardUnblockedEvent, unblocked->audit, AuditLog::kCardUnblocked,
                           m_till->uuidOf(3));
    const QJsonObject event = *m_till->lastEvent(Corrections::kCardUnblockedEvent);
    QCOMPARE(event.value(QStringLiteral("card_number")).toString(), card);
    QVERIFY(event.value(QStringLiteral("ledger")).toArray().isEmpty());
    const QVariantMap row = m_till->auditRow(unblocked->audit.seq);
    QCOMPARE(row.value(QStringLiteral("reason")).toString(), QStringLiteral("found in her other coat"));
    QVERIFY(row.value(QStringLiteral("before")).toString().contains(QStringLiteral("blocked")));
    QVERIFY(row.value(QStringLiteral("after")).toString().contains(QStringLiteral("active")));
    QVERIFY(!row.value(QStringLiteral("before")).toString().contains(card));

    QCOMPARE(session.scan(card).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(session.member()->member.id, 3);
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestCardCorrections::onlyABlockedCardIsUnblocked()
{
    const QString active = DemoDataGenerator::cardNumberFor(4);
    const QString replaced = DemoDataGenerator::cardNumberFor(5);
    QVERIFY(m_cards->replace(replaced, DemoDataGenerator::cardNumberFor(4005)).ok());
    const QString before = m_till->fingerprint();
    for (const QString& card : {active, replaced}) {
        const auto refused = m_till->corrections().unblockCard(m_till->manager, card, QStringLiteral("why"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Conflict);
        QCOMPARE(refused.error().reason, QStringLiteral("card_not_blocked"));
    }
    const auto unknown =
        m_till->corrections().unblockCard(m_till->manager, DemoDataGenerator::cardNumberFor(9999), QStringLiteral("x"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, Error::Code::NotFound);
    QCOMPARE(m_till->fingerprint(), before);
}

void TestCardCorrections::lostCardIsReplaced()
{
    const QString oldCard = DemoDataGenerator::cardNumberFor(6);
    const QString newCard = DemoDataGenerator::cardNumberFor(4006);
    const qint64 balance = m_till->balance(6);
    const auto replaced =
        m_till->corrections().replaceCard(m_till->manager, oldCard, newCard, QStringLiteral("lost on the bus"));
    QVERIFY2(replaced.ok(), qPrintable(replaced.ok() ? QString() : replaced.error().message));
    QCOMPARE(replaced->holder.cardNumber, newCard);
    QCOMPARE(replaced->holder.member.id, 6);
    QCOMPARE(m_till->scalar(QStringLiteral("SELECT state || ':' || replaced_by FROM cards WHERE number = ?"), {oldCard})
                 .toString(),
             QStringLiteral("replaced:") + newCard);

    // CardLifecycle's card.replaced event, now with the reason and the audit entry.
    LOYALTY_VERIFY_AUDITED(*m_till, CardLifecycle::kCardReplacedEvent, replaced->audit, AuditLog::kCardReplaced,
                           m_till->uuidOf(6));
    const QJsonObject event = *m_till->lastEvent(CardLifecycle::kCardReplacedEvent);
    QCOMPARE(event.value(QStringLiteral("old_card_number")).toString(), oldCard);
    QCOMPARE(event.value(QStringLiteral("new_card_number")).toString(), newCard);
    QCOMPARE(event.value(QStringLiteral("reason")).toString(), QStringLiteral("lost on the bus"));
    QCOMPARE(m_till->auditRow(replaced->audit.seq).value(QStringLiteral("reason")).toString(),
             QStringLiteral("lost on the bus"));

    SaleSession session(m_till->database(), m_till->clock(), m_till->settings(),
                        ActiveProgramme::basic(m_till->settings()));
    QCOMPARE(session.scan(oldCard).kind, ScanOutcome::Kind::Refused);
    QCOMPARE(session.scan(newCard).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(*session.memberBalance(), balance);
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestCardCorrections::invalidReplacementsChangeNothing()
{
    const QString oldCard = DemoDataGenerator::cardNumberFor(7);
    const QString before = m_till->fingerprint();
    // The new number is already some member's card; then a number with a wrong check digit.
    const auto taken = m_till->corrections().replaceCard(m_till->manager, oldCard, DemoDataGenerator::cardNumberFor(8),
                                                         QStringLiteral("lost"));
    QVERIFY(!taken.ok());
    QString badDigit = DemoDataGenerator::cardNumberFor(4007);
    badDigit.back() = QChar(u'0' + (badDigit.back().digitValue() + 1) % 10);
    const auto invalid = m_till->corrections().replaceCard(m_till->manager, oldCard, badDigit, QStringLiteral("lost"));
    QVERIFY(!invalid.ok());
    const auto noReason =
        m_till->corrections().replaceCard(m_till->manager, oldCard, DemoDataGenerator::cardNumberFor(4007), QString());
    QVERIFY(!noReason.ok());
    QCOMPARE(noReason.error().reason, QStringLiteral("reason_required"));
    QCOMPARE(m_till->fingerprint(), before);

    // A card of an erased member is refused, and the new card is not written.
    QSqlQuery erase(m_till->db());
    QVERIFY(erase.exec(QStringLiteral("UPDATE members SET erased_at = '2026-11-01T00:00:00.000Z' WHERE id = 9")));
    const QString erasedBefore = m_till->fingerprint();
    const auto erased = m_till->corrections().replaceCard(m_till->manager, DemoDataGenerator::cardNumberFor(9),
                                                          DemoDataGenerator::cardNumberFor(4009), QStringLiteral("x"));
    QVERIFY(!erased.ok());
    QCOMPARE(erased.error().reason, QStringLiteral("member_erased"));
    QCOMPARE(m_till->fingerprint(), erasedBefore);
}

QTEST_GUILESS_MAIN(TestCardCorrections)
#include "TestCardCorrections.moc"
