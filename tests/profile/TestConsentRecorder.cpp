// Consent records: appended with time and text version, the outbox event in the same
// transaction, audited when staff recorded it, refused for bad input and erased members.
#include "ProfileTestData.h"
#include "audit/AuditLog.h"
#include "privacy/ConsentRecorder.h"
#include "profile/MemberProfileReader.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kNow(QDate(2026, 11, 20), QTime(10, 0));
}  // namespace

class TestConsentRecorder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void withdrawalIsAppendedWithTimeAndVersion();
    void staffRecordingIsAudited();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void erasedMemberIsRefused();

private:
    Result<RecordedConsent> record(const QString& purpose, bool given, const QString& version,
                                   const std::optional<StaffSession>& by = std::nullopt)
    {
        ConsentRecorder recorder(*m_data->database(), m_data->clock(), m_data->settings());
        return recorder.record(m_member, purpose, given, version, by);
    }
    QVariant sql(const QString& query) const { return m_data->data().scalar(query); }

    std::unique_ptr<ProfileTestData> m_data;
    qint64 m_member = 0;
};

void TestConsentRecorder::init()
{
    m_data = std::make_unique<ProfileTestData>(kNow);
    QVERIFY(m_data->isOpen());
    QVERIFY(m_data->database());
    m_member = m_data->member(QStringLiteral("Consenting Adult"));
    m_data->consent(m_member, QStringLiteral("marketing"), true, QStringLiteral("marketing-v1"), kNow.addYears(-1));
}

void TestConsentRecorder::cleanup()
{
    m_data.reset();
}

void TestConsentRecorder::withdrawalIsAppendedWithTimeAndVersion()
{
    const auto recorded = record(QStringLiteral("marketing"), false, QStringLiteral("marketing-v2"));
    QVERIFY2(recorded.ok(), qPrintable(errorText(recorded)));
    QCOMPARE(recorded->recordedAt, m_data->clock().nowIso());
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = %1").arg(m_member)).toInt(), 2);
    QCOMPARE(sql(QStringLiteral("SELECT given || '/' || text_version || '/' || recorded_at FROM consents WHERE id = %1")
                     .arg(recorded->id))
                 .toString(),
             QStringLiteral("0/marketing-v2/") + m_data->clock().nowIso());
    const QJsonObject payload =
        QJsonDocument::fromJson(sql(QStringLiteral("SELECT payload FROM outbox_events WHERE type = 'consent.recorded'"))
                                    .toString()
                                    .toUtf8())
            .object();
    QCOMPARE(payload.value(QStringLiteral("member_uuid")).toString(), recorded->memberUuid);
    QCOMPARE(payload.value(QStringLiteral("purpose")).toString(), QStringLiteral("marketing"));
    QCOMPARE(payload.value(QStringLiteral("given")).toBool(), false);
    QCOMPARE(payload.value(QStringLiteral("text_version")).toString(), QStringLiteral("marketing-v2"));
    QCOMPARE(payload.value(QStringLiteral("recorded_at")).toString(), recorded->recordedAt);
    QVERIFY(!payload.contains(QStringLiteral("audit")));
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
    // The member page shows both, the newest last.
    MemberProfileReader reader(m_data->db());
    const auto consents = reader.consents(m_member);
    QVERIFY(consents.ok());
    QCOMPARE(consents->size(), 2);
    QVERIFY(!consents->last().given);
}

void TestConsentRecorder::staffRecordingIsAudited()
{
    StaffSession manager;
    StaffSession cashier;
    QVERIFY(m_data->signInStaff(manager, cashier));
    cashier = m_data->signInAs(QStringLiteral("Carl"));
    const auto recorded = record(QStringLiteral("programme"), true, QStringLiteral("2026-11-programme-v1"), cashier);
    QVERIFY2(recorded.ok(), qPrintable(errorText(recorded)));
    const auto entries = AuditLog(m_data->db()).list(5);
    QVERIFY(entries.ok());
    QCOMPARE(entries->first().action, QStringLiteral("consent.recorded"));
    QCOMPARE(entries->first().staffName, QStringLiteral("Carl"));
    const QJsonObject payload =
        QJsonDocument::fromJson(sql(QStringLiteral("SELECT payload FROM outbox_events WHERE type = 'consent.recorded'"))
                                    .toString()
                                    .toUtf8())
            .object();
    QCOMPARE(payload.value(QStringLiteral("audit")).toObject(), entries->first().toJson());
    // A session whose shift is over is refused and records nothing.
    StaffSession stale = cashier;
    stale.shiftId = 99999;
    const auto refused = record(QStringLiteral("programme"), false, QStringLiteral("v1"), stale);
    QVERIFY(!refused.ok());
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM consents WHERE member_id = %1").arg(m_member)).toInt(), 2);
}

void TestConsentRecorder::badInputIsRefused_data()
{
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("version");
    QTest::newRow("no purpose") << QString() << QStringLiteral("v1");
    QTest::newRow("purpose with spaces") << QStringLiteral("mar keting") << QStringLiteral("v1");
    QTest::newRow("upper case") << QStringLiteral("Marketing") << QStringLiteral("v1");
    QTest::newRow("no version") << QStringLiteral("marketing") << QStringLiteral("  ");
    QTest::newRow("long version") << QStringLiteral("marketing") << QString(65, u'v');
}

void TestConsentRecorder::badInputIsRefused()
{
    QFETCH(QString, purpose);
    QFETCH(QString, version);
    const auto recorded = record(purpose, true, version);
    QVERIFY(!recorded.ok());
    QCOMPARE(recorded.error().code, Error::Code::InvalidInput);
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM consents")).toInt(), 1);
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toInt(), 0);
}

void TestConsentRecorder::erasedMemberIsRefused()
{
    m_data->data().exec(
        QStringLiteral("UPDATE members SET name = '', erased_at = '2026-11-01T00:00:00.000Z' WHERE id = %1")
            .arg(m_member));
    const auto recorded = record(QStringLiteral("marketing"), true, QStringLiteral("v1"));
    QVERIFY(!recorded.ok());
    QCOMPARE(recorded.error().reason, QStringLiteral("member_erased"));
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestConsentRecorder)
#include "TestConsentRecorder.moc"
