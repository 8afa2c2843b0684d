// Points for an answered feedback survey: booked once per sale (the answer, the member's 'earn'
// entries and a 'feedback.answered' outbox event together), and refusals that change nothing.
#include "AccountTestData.h"
#include "account/FeedbackBooking.h"
#include "program/ProgrammeEngine.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kAt(QDate(2026, 5, 20), QTime(11, 0));
constexpr Points kFeedbackPoints = 20;

ProgrammeEngine engine(bool withFeedbackRule = true)
{
    Programme p;
    p.id = QStringLiteral("test");
    p.version = 3;
    p.expiry.mode = ExpiryPolicy::Mode::AfterMonths;
    p.expiry.months = 24;
    if (withFeedbackRule) {
        Rule feedback;
        feedback.id = QStringLiteral("feedback.survey");
        feedback.kind = RuleKind::Feedback;
        feedback.points = kFeedbackPoints;
        p.rules.append(feedback);
    }
    return ProgrammeEngine(p);
}

// Everything a booking may touch, to show that a refused one touched nothing.
QStringList snapshot(const AccountTestData& data)
{
    QStringList rows;
    for (const char* table : {"feedback_answers", "ledger_entries", "outbox_events", "till_counters"}) {
        const QString name = QString::fromLatin1(table);
        rows << name + u'=' + data.scalar(QStringLiteral("SELECT count(*) FROM ") + name).toString();
    }
    rows << data.scalar(QStringLiteral("SELECT sum(points) FROM ledger_entries")).toString();
    return rows;
}
}  // namespace

class TestFeedbackBooking final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bookedOnceWithPointsAndEvent();
    void secondAnswerIsRefusedAndChangesNothing();
    void saleWithoutMemberIsRefused();
    void programmeWithoutFeedbackRuleIsRefused();

private:
    Result<FeedbackBooking::Booked> book(qint64 saleId, std::optional<qint64> memberId,
                                         const ProgrammeEngine& e = engine())
    {
        const QString uuid =
            m_data->scalar(QStringLiteral("SELECT uuid FROM sales WHERE id = %1").arg(saleId)).toString();
        return FeedbackBooking(m_data->db(), m_data->clock(), m_data->tillId()).book(saleId, uuid, memberId, e);
    }

    std::unique_ptr<AccountTestData> m_data;
    qint64 m_member = 0;
    qint64 m_sale = 0;
};

void TestFeedbackBooking::init()
{
    m_data = std::make_unique<AccountTestData>(kAt);
    QVERIFY(m_data->isOpen());
    m_member = m_data->addMember(QStringLiteral("Anna Müller"));
    m_sale = m_data->addSale(m_member, kAt, {{QStringLiteral("Rye bread"), 1, 299}});
    m_data->addEntry(m_member, QStringLiteral("points"), QStringLiteral("earn"), 50, kAt);
}

void TestFeedbackBooking::cleanup()
{
    m_data.reset();
}

void TestFeedbackBooking::bookedOnceWithPointsAndEvent()
{
    const auto booked = book(m_sale, m_member);
    QVERIFY2(booked.ok(), qPrintable(booked.ok() ? QString() : booked.error().message));
    QCOMPARE(booked->points, kFeedbackPoints);
    QCOMPARE(booked->newBalance, 50 + kFeedbackPoints);
    QCOMPARE(m_data->balance(m_member), 50 + kFeedbackPoints);
    QCOMPARE(booked->effects.size(), 1);
    QCOMPARE(booked->effects.first().ruleId, QStringLiteral("feedback.survey"));
    QCOMPARE(booked->answeredAt, StoredTime::instant(kAt));

    // The answer, keyed by the sale.
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT member_id FROM feedback_answers WHERE sale_id = %1").arg(m_sale))
                 .toLongLong(),
             m_member);
    // One 'earn' entry without sale id (a sale's entries are what the sale itself earned), expiring
    // by the programme's policy.
    QCOMPARE(m_data
                 ->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE reason = 'feedback.survey'"
                                         " AND kind = 'earn' AND sale_id IS NULL AND points = %1"
                                         " AND expires_on = '2028-05-20'")
                              .arg(kFeedbackPoints))
                 .toLongLong(),
             1);

    // One outbox event for the answer.
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT count(*) FROM outbox_events WHERE type = 'feedback.answered'"))
                 .toLongLong(),
             1);
    QCOMPARE(FeedbackBooking::kFeedbackAnsweredEvent, QStringLiteral("feedback.answered"));
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT sequence FROM outbox_events WHERE type = 'feedback.answered'"))
                 .toLongLong(),
             booked->outboxSequence);
    QCOMPARE(m_data->scalar(QStringLiteral("SELECT sale_id FROM outbox_events WHERE type = 'feedback.answered'"))
                 .toLongLong(),
             m_sale);
    const QJsonObject payload =
        QJsonDocument::fromJson(
            m_data->scalar(QStringLiteral("SELECT payload FROM outbox_events WHERE type = 'feedback.answered'"))
                .toString()
                .toUtf8())
            .object();
    QCOMPARE(payload[QLatin1String("sale_uuid")].toString(),
             m_data->scalar(QStringLiteral("SELECT uuid FROM sales WHERE id = %1").arg(m_sale)).toString());
    QCOMPARE(payload[QLatin1String("member_id")].toInteger(), m_member);
    QCOMPARE(payload[QLatin1String("till_id")].toString(), m_data->tillId());
    QCOMPARE(payload[QLatin1String("programme_version")].toInt(), 3);
}

void TestFeedbackBooking::secondAnswerIsRefusedAndChangesNothing()
{
    QVERIFY(book(m_sale, m_member).ok());
    const QStringList before = snapshot(*m_data);
    m_data->clock().advanceSeconds(60 * 60);
    const auto again = book(m_sale, m_member);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, Error::Code::Conflict);
    QVERIFY2(again.error().message.contains(QLatin1String("already")), qPrintable(again.error().message));
    QCOMPARE(snapshot(*m_data), before);
    QCOMPARE(m_data->balance(m_member), 50 + kFeedbackPoints);
}

void TestFeedbackBooking::saleWithoutMemberIsRefused()
{
    const qint64 anonymous = m_data->addSale(std::nullopt, kAt, {{QStringLiteral("Milk"), 1, 119}});
    const QStringList before = snapshot(*m_data);
    const auto booked = book(anonymous, std::nullopt);
    QVERIFY(!booked.ok());
    QCOMPARE(booked.error().code, Error::Code::Refused);
    QVERIFY(!booked.error().message.isEmpty());
    QCOMPARE(snapshot(*m_data), before);
}

void TestFeedbackBooking::programmeWithoutFeedbackRuleIsRefused()
{
    const QStringList before = snapshot(*m_data);
    const auto booked = book(m_sale, m_member, engine(false));
    QVERIFY(!booked.ok());
    QCOMPARE(booked.error().code, Error::Code::Refused);
    QCOMPARE(snapshot(*m_data), before);
    QCOMPARE(m_data->balance(m_member), 50);
}

QTEST_GUILESS_MAIN(TestFeedbackBooking)
#include "TestFeedbackBooking.moc"
