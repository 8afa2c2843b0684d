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
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

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
    void aCustomerPartComesWithTheBackgroundThreshold();
    void longHintStaysOneElidedLine();

private:
    // Enrols a new member (no sales, so never an A customer) and returns their card number.
    QString enrol(qint64 cardIndex, const QString& name);
    qint64 memberIdOf(const QString& card);
    void giveExpiringPoints(qint64 memberId, Points points, int daysLeft);
    void showCard(MemberPanel& panel, const QString& card);
    void sale(qint64 memberId, qint64 minor);

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

void TestMemberPanelHint::sale(qint64 memberId, qint64 minor)
{
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("INSERT INTO sales (uuid, till_id, member_id, currency, total_minor, state,"
                                 " completed_at) VALUES (?, 'till', ?, 'EUR', ?, 'completed', ?)"));
    query.bindValue(0, QUuid::createUuid().toString(QUuid::WithoutBraces));
    query.bindValue(1, memberId);
    query.bindValue(2, minor);
    query.bindValue(3, StoredTime::instant(m_clock->now().addDays(-10)));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
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
    // The hint names the expiring points and the offer: the panel's own expiring line makes way.
    auto* expiringLine = panel.findChild<QLabel*>(QStringLiteral("expiringPointsLabel"));
    QVERIFY(expiringLine);
    QVERIFY(!expiringLine->isVisible());

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
    // With no hint the panel's own line tells about the expiring points.
    auto* expiringLine = panel.findChild<QLabel*>(QStringLiteral("expiringPointsLabel"));
    QVERIFY(expiringLine);
    QVERIFY(expiringLine->isVisible());
    QVERIFY(!panel.expiringText().isEmpty());

    // Without enableCustomerHints() (a front end that does not want it) the panel never shows one.
    QVERIFY(SettingsRepository(m_database->connection())
                .setValue(CustomerValueHint::kEnabledKey, QStringLiteral("1"))
                .ok());
    MemberPanel plain;
    plain.show();
    plain.showSession(*m_session);
    QVERIFY(plain.customerHintText().isEmpty());
}

void TestMemberPanelHint::aCustomerPartComesWithTheBackgroundThreshold()
{
    // Anna brings nearly all member revenue: an A customer; Bert a little.
    const QString anna = enrol(5004, QStringLiteral("Anna Often"));
    const QString bert = enrol(5005, QStringLiteral("Bert Seldom"));
    QVERIFY(!anna.isEmpty() && !bert.isEmpty());
    sale(memberIdOf(anna), 50000);
    sale(memberIdOf(bert), 100);
    QVERIFY(!QTest::currentTestFailed());

    MemberPanel panel;
    panel.enableCustomerHints(*m_database, *m_clock);  // returns at once; the threshold comes later
    panel.show();
    showCard(panel, anna);
    // Whether the figure was there at the scan or not, the line gets the A-customer part once it is
    // (the panel reads the line again when the background threshold comes in).
    QTRY_VERIFY(panel.customerHintsReady());
    QTRY_VERIFY2(panel.customerHintText().contains(QStringLiteral("A customer")), qPrintable(panel.customerHintText()));
    // The warm-up kept the day's figure in the settings cache for the next start.
    const auto cached = SettingsRepository(m_database->connection()).value(CustomerValueHint::kThresholdCacheKey);
    QVERIFY(cached.ok() && cached->has_value());
    QCOMPARE(**cached, StoredTime::day(StoredTime::localDay(m_clock->now())) + QStringLiteral(" 50000"));

    // Bert is no A customer (and has no expiring points): no line.
    m_session->voidSale();
    panel.showSession(*m_session);
    showCard(panel, bert);
    QVERIFY(panel.customerHintText().isEmpty());

    // A second panel (a restart the same day) has the figure from the cache at once.
    MemberPanel again;
    again.enableCustomerHints(*m_database, *m_clock);
    QVERIFY(again.customerHintsReady());
}

void TestMemberPanelHint::longHintStaysOneElidedLine()
{
    const QString card = enrol(5006, QStringLiteral("Erik Expiring"));
    QVERIFY(!card.isEmpty());
    giveExpiringPoints(memberIdOf(card), 600, 10);
    MemberPanel panel;
    panel.enableCustomerHints(*m_database, *m_clock);
    panel.resize(260, 700);  // far narrower than the hint's text
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    showCard(panel, card);
    auto* label = panel.findChild<QLabel*>(QStringLiteral("customerHintLabel"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    const QString full = panel.customerHintText();
    QVERIFY(!full.isEmpty());
    QTRY_VERIFY(label->text() != full);
    QVERIFY2(label->text().endsWith(QChar(0x2026)), qPrintable(label->text()));
    QCOMPARE(label->height(),
             label->fontMetrics().height() + label->contentsMargins().top() + label->contentsMargins().bottom());
    QVERIFY(label->width() <= panel.width());
    QCOMPARE(label->toolTip(), full);
    QCOMPARE(label->accessibleDescription(), full);
    // Wide enough again, the whole text shows.
    panel.resize(1600, 700);
    QTRY_COMPARE(label->text(), full);
}

QTEST_MAIN(TestMemberPanelHint)
#include "TestMemberPanelHint.moc"
