// Cards come and go; the member, their balance and history stay.
#include "demo/DemoDataGenerator.h"
#include "members/CardLifecycle.h"
#include "sale/ActiveProgramme.h"
#include "sale/SaleSession.h"
#include "settings/TillSettings.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestCardLifecycle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void replacedCardIsRefusedAndBalanceStaysWithTheMember();
    void blockedCardIsRefused();
    void familyCardsShareOneBalance();
    void invalidChangesAreRefusedAndChangeNothing();
    void saleFollowsTheMembersActiveCard();
    void cardEventsNameTheMemberByUuid();

private:
    qint64 events(const QString& type) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TillSettings> m_settings;
    std::unique_ptr<CardLifecycle> m_cards;
    std::unique_ptr<SaleSession> m_session;
};

void TestCardLifecycle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(50).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_settings = std::make_unique<TillSettings>(*settings);
    m_cards = std::make_unique<CardLifecycle>(*m_database, *m_clock, *m_settings);
    // These tests check the sale mechanics under the basic earn rate; the programme has its own tests.
    m_session = std::make_unique<SaleSession>(*m_database, *m_clock, *m_settings, ActiveProgramme::basic(*m_settings));
}

void TestCardLifecycle::cleanup()
{
    m_session.reset();
    m_cards.reset();
    m_database.reset();
}

qint64 TestCardLifecycle::events(const QString& type) const
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM outbox_events WHERE type = ?"));
    query.bindValue(0, type);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestCardLifecycle::replacedCardIsRefusedAndBalanceStaysWithTheMember()
{
    const QString oldCard = DemoDataGenerator::cardNumberFor(3);
    const QString newCard = DemoDataGenerator::cardNumberFor(3003);
    QCOMPARE(m_session->scan(oldCard).kind, ScanOutcome::Kind::MemberAttached);
    const Points before = *m_session->memberBalance();
    m_session->voidSale();

    const auto replaced = m_cards->replace(oldCard, newCard);
    QVERIFY2(replaced.ok(), qPrintable(replaced.ok() ? QString() : replaced.error().message));
    QCOMPARE(replaced->member.id, 3);
    QCOMPARE(events(CardLifecycle::kCardReplacedEvent), 1);

    const ScanOutcome old = m_session->scan(oldCard);
    QCOMPARE(old.kind, ScanOutcome::Kind::Refused);
    QVERIFY(old.message.contains(QStringLiteral("replaced")));

    QCOMPARE(m_session->scan(newCard).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(m_session->member()->member.id, 3);
    QCOMPARE(*m_session->memberBalance(), before);
    QCOMPARE(m_session->scan(DemoDataGenerator::productEanFor(6)).kind, ScanOutcome::Kind::ProductAdded);
    const auto sale = m_session->complete();
    QVERIFY(sale.ok());
    QCOMPARE(*sale->newBalance, before + sale->effects.pointsEarned());

    QSqlQuery row(m_database->connection());
    QVERIFY(row.exec(QStringLiteral("SELECT state, replaced_by FROM cards WHERE number = '%1'").arg(oldCard)));
    QVERIFY(row.next());
    QCOMPARE(row.value(0).toString(), QStringLiteral("replaced"));
    QCOMPARE(row.value(1).toString(), newCard);
    row.finish();
    const auto report = ConsistencyCheck(*m_database).run();
    QVERIFY(report.ok());
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
}

void TestCardLifecycle::blockedCardIsRefused()
{
    const QString card = DemoDataGenerator::cardNumberFor(4);
    QVERIFY(m_cards->block(card, QStringLiteral("lost")).ok());
    QCOMPARE(events(CardLifecycle::kCardBlockedEvent), 1);
    const ScanOutcome outcome = m_session->scan(card);
    QCOMPARE(outcome.kind, ScanOutcome::Kind::Refused);
    QVERIFY(outcome.message.contains(QStringLiteral("blocked")));
    // Blocking twice is refused and writes no second event.
    QVERIFY(!m_cards->block(card, QStringLiteral("lost")).ok());
    QCOMPARE(events(CardLifecycle::kCardBlockedEvent), 1);
}

void TestCardLifecycle::familyCardsShareOneBalance()
{
    const QString second = DemoDataGenerator::cardNumberFor(4005);
    QVERIFY(m_cards->addCard(5, second).ok());
    QCOMPARE(events(CardLifecycle::kCardAddedEvent), 1);
    const auto cards = m_cards->cardsOf(5);
    QVERIFY(cards.ok());
    QCOMPARE(cards->size(), 2);

    QCOMPARE(m_session->scan(DemoDataGenerator::cardNumberFor(5)).kind, ScanOutcome::Kind::MemberAttached);
    const Points first = *m_session->memberBalance();
    m_session->voidSale();
    QCOMPARE(m_session->scan(second).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(*m_session->memberBalance(), first);
}

void TestCardLifecycle::invalidChangesAreRefusedAndChangeNothing()
{
    const qint64 eventsBefore = events(CardLifecycle::kCardAddedEvent) + events(CardLifecycle::kCardReplacedEvent);
    QCOMPARE(m_cards->addCard(6, DemoDataGenerator::cardNumberFor(7)).error().reason, QStringLiteral("card_taken"));
    QCOMPARE(m_cards->addCard(999, DemoDataGenerator::cardNumberFor(4999)).error().reason,
             QStringLiteral("unknown_member"));
    QCOMPARE(
        m_cards->replace(DemoDataGenerator::cardNumberFor(4998), DemoDataGenerator::cardNumberFor(4997)).error().reason,
        QStringLiteral("unknown_card"));
    QCOMPARE(m_cards->replace(DemoDataGenerator::cardNumberFor(8), QStringLiteral("4006381333931")).error().reason,
             QStringLiteral("not_a_loyalty_card"));
    QCOMPARE(events(CardLifecycle::kCardAddedEvent) + events(CardLifecycle::kCardReplacedEvent), eventsBefore);
    QCOMPARE(m_session->scan(DemoDataGenerator::cardNumberFor(8)).kind, ScanOutcome::Kind::MemberAttached);
}

void TestCardLifecycle::saleFollowsTheMembersActiveCard()
{
    const QString first = DemoDataGenerator::cardNumberFor(9);
    const QString second = DemoDataGenerator::cardNumberFor(4009);
    QVERIFY(m_cards->addCard(9, second).ok());
    QCOMPARE(m_session->scan(first).kind, ScanOutcome::Kind::MemberAttached);
    QCOMPARE(m_session->scan(DemoDataGenerator::productEanFor(0)).kind, ScanOutcome::Kind::ProductAdded);
    QCOMPARE(m_session->recheckMemberCard(), SaleSession::CardCheck::Unchanged);

    QVERIFY(m_cards->block(first, QStringLiteral("lost")).ok());
    QCOMPARE(m_session->recheckMemberCard(), SaleSession::CardCheck::SwitchedCard);
    QCOMPARE(m_session->member()->cardNumber, second);
    QCOMPARE(m_session->basket().lineCount(), 1);

    QVERIFY(m_cards->block(second, QStringLiteral("lost")).ok());
    QCOMPARE(m_session->recheckMemberCard(), SaleSession::CardCheck::Voided);
    QVERIFY(!m_session->member().has_value());
    QCOMPARE(m_session->basket().lineCount(), 0);
}

void TestCardLifecycle::cardEventsNameTheMemberByUuid()
{
    const QString first = DemoDataGenerator::cardNumberFor(6);
    const QString second = DemoDataGenerator::cardNumberFor(4006);
    const QString third = DemoDataGenerator::cardNumberFor(5006);
    QVERIFY(m_cards->addCard(6, second).ok());
    QVERIFY(m_cards->block(first, QStringLiteral("lost")).ok());
    QVERIFY(m_cards->replace(second, third).ok());

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT uuid FROM members WHERE id = 6")) && query.next());
    const QString uuid = query.value(0).toString();
    QVERIFY(!uuid.isEmpty());
    query.finish();
    QVERIFY(query.exec(QStringLiteral("SELECT type, payload FROM outbox_events ORDER BY sequence")));
    QStringList seen;
    while (query.next()) {
        const QJsonObject payload = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
        seen << query.value(0).toString() + u' ' + payload.value(QStringLiteral("card_number")).toString() + u' ' +
                    payload.value(QStringLiteral("new_card_number")).toString();
        QCOMPARE(payload.value(QStringLiteral("member_uuid")).toString(), uuid);
        QVERIFY(!payload.value(QStringLiteral("at")).toString().isEmpty());
        // A card change books nothing on the member's accounts.
        QVERIFY(payload.value(QStringLiteral("ledger")).isArray());
        QVERIFY(payload.value(QStringLiteral("ledger")).toArray().isEmpty());
    }
    QCOMPARE(seen,
             (QStringList{QStringLiteral("card.added %1 ").arg(second), QStringLiteral("card.blocked %1 ").arg(first),
                          QStringLiteral("card.replaced %1 %2").arg(second, third)}));
}

QTEST_GUILESS_MAIN(TestCardLifecycle)
#include "TestCardLifecycle.moc"
