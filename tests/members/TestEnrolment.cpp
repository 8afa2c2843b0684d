// Enrolment at the till: member, card, consent and outbox event together, or nothing at all.
#include "demo/DemoDataGenerator.h"
#include "members/ConsentText.h"
#include "members/Enrolment.h"
#include "members/MemberRepository.h"
#include "settings/TillSettings.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

class TestEnrolment final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enrolWritesMemberCardConsentAndEvent();
    void refusedRequestsChangeNothing_data();
    void refusedRequestsChangeNothing();

private:
    EnrolmentRequest validRequest() const;
    qint64 scalar(const QString& sql) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Enrolment> m_enrolment;
};

void TestEnrolment::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    QVERIFY(DemoDataGenerator(*m_database, *m_clock).generate(50).ok());
    const auto settings = TillSettings::load(m_database->connection());
    QVERIFY(settings.ok());
    m_enrolment = std::make_unique<Enrolment>(*m_database, *m_clock, *settings);
}

void TestEnrolment::cleanup()
{
    m_enrolment.reset();
    m_database.reset();
}

EnrolmentRequest TestEnrolment::validRequest() const
{
    EnrolmentRequest request;
    request.name = QStringLiteral("  Erika Mustermann ");
    request.email = QStringLiteral("erika@example.org");
    request.phone = QStringLiteral("+49 30 1234567");
    request.birthDate = QDate(1964, 8, 12);
    request.cardNumber = DemoDataGenerator::cardNumberFor(777);
    request.consentGiven = true;
    request.consentTextVersion = ConsentText::version();
    return request;
}

qint64 TestEnrolment::scalar(const QString& sql) const
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

void TestEnrolment::enrolWritesMemberCardConsentAndEvent()
{
    const auto enrolled = m_enrolment->enrol(validRequest());
    QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().message));
    QCOMPARE(enrolled->member.name, QStringLiteral("Erika Mustermann"));
    QCOMPARE(enrolled->member.id, 51);

    MemberRepository members(m_database->connection());
    const auto found = members.findByCard(DemoDataGenerator::cardNumberFor(777));
    QVERIFY(found.ok() && found->has_value());
    QCOMPARE((*found)->member.id, 51);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = 51 AND given = 1")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM members WHERE id = 51 AND birth_date = '1964-08-12'"
                                   " AND length(uuid) = 36")),
             1);

    QSqlQuery event(m_database->connection());
    QVERIFY(event.exec(QStringLiteral("SELECT type, payload, sequence FROM outbox_events")));
    QVERIFY(event.next());
    QCOMPARE(event.value(0).toString(), Enrolment::kEnrolledEvent);
    const QJsonObject payload = QJsonDocument::fromJson(event.value(1).toString().toUtf8()).object();
    QCOMPARE(payload.value(QStringLiteral("card_number")).toString(), DemoDataGenerator::cardNumberFor(777));
    QCOMPARE(payload.value(QStringLiteral("consent")).toObject().value(QStringLiteral("text_version")).toString(),
             ConsentText::version());
    QCOMPARE(event.value(2).toLongLong(), 1);
    QVERIFY(!event.next());
}

void TestEnrolment::refusedRequestsChangeNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no consent") << QStringLiteral("consent") << QString() << QStringLiteral("consent");
    QTest::newRow("no name") << QStringLiteral("name") << QStringLiteral(" ") << QStringLiteral("name");
    QTest::newRow("bad e-mail") << QStringLiteral("email") << QStringLiteral("erika@") << QStringLiteral("email");
    QTest::newRow("bad phone") << QStringLiteral("phone") << QStringLiteral("call me") << QStringLiteral("phone");
    QTest::newRow("born tomorrow") << QStringLiteral("birth") << QStringLiteral("2026-11-23")
                                   << QStringLiteral("birth_date");
    QTest::newRow("card already issued") << QStringLiteral("card") << DemoDataGenerator::cardNumberFor(7)
                                         << QStringLiteral("card_taken");
    QTest::newRow("card misread") << QStringLiteral("card") << QStringLiteral("2000000007771")
                                  << QStringLiteral("check_digit");
    QTest::newRow("a product, not a card")
        << QStringLiteral("card") << QStringLiteral("4006381333931") << QStringLiteral("not_a_loyalty_card");
    QTest::newRow("payment card") << QStringLiteral("card") << QStringLiteral("4111111111111111")
                                  << QStringLiteral("not_a_loyalty_card");
}

void TestEnrolment::refusedRequestsChangeNothing()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, reason);
    EnrolmentRequest request = validRequest();
    if (field == QLatin1String("consent"))
        request.consentGiven = false;
    else if (field == QLatin1String("name"))
        request.name = value;
    else if (field == QLatin1String("email"))
        request.email = value;
    else if (field == QLatin1String("phone"))
        request.phone = value;
    else if (field == QLatin1String("birth"))
        request.birthDate = QDate::fromString(value, Qt::ISODate);
    else if (field == QLatin1String("card"))
        request.cardNumber = value;

    const qint64 members = scalar(QStringLiteral("SELECT count(*) FROM members"));
    const qint64 cards = scalar(QStringLiteral("SELECT count(*) FROM cards"));
    const auto refused = m_enrolment->enrol(request);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().reason, reason);
    QVERIFY(!refused.error().message.contains(QStringLiteral("4111111111111111")));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM members")), members);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cards")), cards);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM consents")), 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox_events")), 0);
}

QTEST_GUILESS_MAIN(TestEnrolment)
#include "TestEnrolment.moc"
