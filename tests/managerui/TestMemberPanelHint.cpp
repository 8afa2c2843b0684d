// The customer-value hint on the cashier's member panel: a member with points about to expire gets
// the line, a member without gets none, and the panel without hints enabled stays as it was.
#include "account/StoredTime.h"
#include "demo/DemoDataGenerator.h"
#include "hints/CustomerValueHint.h"
#include "i18n/TranslationLoader.h"
#include "ledger/LedgerRepository.h"
#include "members/ConsentText.h"
#include "members/Enrolment.h"
#include "sale/MemberPanel.h"
#include "sale/SaleSession.h"
#include "settings/SettingsRepository.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestMemberPanelHint final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void memberWithExpiringPointsShowsTheHint();
    void memberWithoutExpiringPointsShowsNone();
    void noMemberAndHintsSwitchedOffShowNone();

private:
    // Enrols a new member (no sales, so never an A customer) and returns their card number.
    QString enrol(qint64 cardIndex, const QString& name);
    qint64 memberIdOf(const QString& card);
    void giveExpiringPoints(qint64 memberId, Points points, int daysLeft);
    void showCard(MemberPanel& panel, const QString& card);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TillSettings> m_settings;
    std::unique_ptr<SaleSession> m_session;
};

void TestMemberPanelHint::initTestCase()
{
    TranslationLoader::install(this, QStringLiteral("en"));
}

void TestMemberPanelHint::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    m_database = std::move(opened).value();
    DemoDataGenerator generator(*m_database, *m_clock);
    QVERIFY(generator.generate(20).ok());
    auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_settings = std::make_unique<TillSettings>(*settings);
    m_session = std::make_unique<SaleSession>(*m_database, *m_clock, *m_settings);
}

void TestMemberPanelHint::cleanup()
{
    m_session.reset();
    m_settings.reset();
    m_database.reset();
    m_clock.reset();
    m_dir.reset();
}

QString TestMemberPanelHint::enrol(qint64 cardIndex, const QString& name)
{
    Enrolment enrolment(*m_database, *m_clock, *m_settings);
    EnrolmentRequest request;
    request.name = name;
    request.cardNumber = DemoDataGenerator::cardNumberFor(cardIndex);
    request.consentGiven = true;
    request.consentTextVersion = ConsentText::version();
    const auto enrolled = enrolment.enrol(request);
    if (!enrolled) {
        qWarning() << enrolled.error().message;
        return {};
    }
    return enrolled->cardNumber;
}

qint64 TestMemberPanelHint::memberIdOf(const QString& card)
{
    MemberRepository members(m_database->connection());
    const auto found = members.findByCard(card);
    return found && found->has_value() ? (*found)->member.id : 0;
}

void TestMemberPanelHint::giveExpiringPoints(qint64 memberId, Points points, int daysLeft)
{
    LedgerRepository ledger(m_database->connection());
    LedgerEntry lot;
    lot.memberId = memberId;
    lot.kind = QStringLiteral("adjust");
    lot.points = points;
    lot.reason = QStringLiteral("test.lot");
    lot.createdAt = StoredTime::instant(m_clock->now().addDays(-300));
    lot.expiresOn = StoredTime::day(StoredTime::localDay(m_clock->now()).addDays(daysLeft));
    QVERIFY(ledger.append(lot).ok());
}

void TestMemberPanelHint::showCard(MemberPanel& panel, const QString& card)
{
    const ScanOutcome outcome = m_session->scan(card);
    QCOMPARE(int(outcome.kind), int(ScanOutcome::Kind::MemberAttached));
    panel.showSession(*m_session);
}

void TestMemberPanelHint::memberWithExpiringPointsShowsTheHint()
{
    const QString card = enrol(5001, QStringLiteral("Erika Expiring"));
    QVERIFY(!card.isEmpty());
    giveExpiringPoints(memberIdOf(card), 600, 10);

    CustomerValueHint reference(*m_database, *m_clock);
    const auto expected = reference.forMember(memberIdOf(card), m_session->engine().programme());
    QVERIFY(expected.ok());
    QVERIFY2(expected->has_value(), "the member's 600 points expire in 10 days: core gives a hint");

    MemberPanel panel;
    panel.enableCustomerHints(*m_database, *m_clock);
    panel.show();
    showCard(panel, card);
    const QString shown = panel.customerHintText();
    QVERIFY2(shown.endsWith((*expected)->text), qPrintable(shown));
    // A symbol in front of the words: the kind of hint is never carried by colour alone.
    QVERIFY(!shown.front().isLetterOrNumber());
    auto* label = panel.findChild<QLabel*>(QStringLiteral("customerHintLabel"));
    QVERIFY(label);
    QVERIFY(label->isVisible());

    // Goods scanned onto the sale leave the hint where it is.
    QCOMPARE(int(m_session->scan(DemoDataGenerator::productEanFor(0)).kind), int(ScanOutcome::Kind::ProductAdded));
    panel.showSession(*m_session);
    QCOMPARE(panel.customerHintText(), shown);

    // The sale voided, the panel is calm again.
    m_session->voidSale();
    panel.showSession(*m_session);
    QVERIFY(panel.customerHintText().isEmpty());
    QVERIFY(!label->isVisible());
}

void TestMemberPanelHint::memberWithoutExpiringPointsShowsNone()
{
    const QString card = enrol(5002, QStringLiteral("Nora Nothing"));
    QVERIFY(!card.isEmpty());
    CustomerValueHint reference(*m_database, *m_clock);
    const auto expected = reference.forMember(memberIdOf(card), m_session->engine().programme());
    QVERIFY(expected.ok());
    QVERIFY(!expected->has_value());

    MemberPanel panel;
    panel.enableCustomerHints(*m_database, *m_clock);
    panel.show();
    showCard(panel, card);
    QCOMPARE(panel.memberName(), QStringLiteral("Nora Nothing"));
    QVERIFY(panel.customerHintText().isEmpty());
    auto* label = panel.findChild<QLabel*>(QStringLiteral("customerHintLabel"));
    QVERIFY(label);
    QVERIFY(!label->isVisible());
}

void TestMemberPanelHint::noMemberAndHintsSwitchedOffShowNone()
{
    const QString card = enrol(5003, QStringLiteral("Otto Off"));
    QVERIFY(!card.isEmpty());
    giveExpiringPoints(memberIdOf(card), 600, 10);
    QVERIFY(SettingsRepository(m_database->connection())
                .setValue(CustomerValueHint::kEnabledKey, QStringLiteral("0"))
                .ok());

    MemberPanel panel;
    panel.enableCustomerHints(*m_database, *m_clock);
    panel.show();
    panel.showSession(*m_session);  // no member yet
    QVERIFY(panel.customerHintText().isEmpty());
    showCard(panel, card);
    QVERIFY(panel.customerHintText().isEmpty());

    // Without enableCustomerHints() (a front end that does not want it) the panel never shows one.
    QVERIFY(SettingsRepository(m_database->connection())
                .setValue(CustomerValueHint::kEnabledKey, QStringLiteral("1"))
                .ok());
    MemberPanel plain;
    plain.show();
    plain.showSession(*m_session);
    QVERIFY(plain.customerHintText().isEmpty());
}

QTEST_MAIN(TestMemberPanelHint)
#include "TestMemberPanelHint.moc"
