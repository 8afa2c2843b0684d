// Erasure on request: personal fields gone, ledger and sales untouched, cards refused at the till,
// the audit entry and the outbox event written in the erasure's own transaction, a cashier refused.
#include "ProfileTestData.h"
#include "audit/AuditLog.h"
#include "audit/MemberPseudonym.h"
#include "members/MemberRepository.h"
#include "privacy/Erasure.h"
#include "profile/MemberSearch.h"
#include "sale/SaleSession.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kNow(QDate(2026, 11, 20), QTime(10, 0));
}  // namespace

class TestErasure final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void personalFieldsAreGone();
    void ledgerAndSalesAreUntouched();
    void cardsAreBlockedAndRefusedAtTheTill();
    void eventAndAuditEntryInTheSameTransaction();
    void enrolmentPayloadsAreRedacted();
    void failedOutboxLeavesTheMemberAsTheyWere();
    void cashierIsRefused();
    void reasonIsRequiredAndTwiceIsRefused();

private:
    Result<ErasedMember> erase(const StaffSession& by, const QString& reason = QStringLiteral("customer's request"))
    {
        Erasure erasure(*m_data->database(), m_data->clock(), m_data->settings());
        return erasure.erase(by, m_rich.id, reason);
    }
    QVariant sql(const QString& query) const { return m_data->data().scalar(query); }
    // Everything an erasure must leave as it was.
    QStringList accounting() const
    {
        QStringList rows;
        rows << sql(QStringLiteral(
                        "SELECT group_concat(account || '=' || total) FROM (SELECT account, sum(points)"
                        " AS total FROM ledger_entries WHERE member_id = %1 GROUP BY account ORDER BY account)")
                        .arg(m_rich.id))
                    .toString();
        for (const char* table : {"ledger_entries", "sales", "sale_lines", "sale_effects", "sale_returns", "consents"})
            rows << sql(QStringLiteral("SELECT count(*) FROM ") + QString::fromLatin1(table)).toString();
        rows << sql(QStringLiteral("SELECT sum(total_minor) FROM sales")).toString();
        return rows;
    }

    std::unique_ptr<ProfileTestData> m_data;
    ProfileTestData::RichMember m_rich;
    StaffSession m_manager;
    StaffSession m_cashier;
};

void TestErasure::init()
{
    m_data = std::make_unique<ProfileTestData>(kNow);
    QVERIFY(m_data->isOpen());
    m_rich = m_data->richMember();
    QVERIFY(m_data->database());
    QVERIFY(m_data->signInStaff(m_manager, m_cashier));
    // The member's enrolment event as Enrolment writes it.
    const QString uuid = sql(QStringLiteral("SELECT uuid FROM members WHERE id = %1").arg(m_rich.id)).toString();
    const QJsonObject payload{{QStringLiteral("member_uuid"), uuid},
                              {QStringLiteral("name"), QStringLiteral("Anna Müller")},
                              {QStringLiteral("email"), QStringLiteral("anna.mueller@example.com")},
                              {QStringLiteral("phone"), QStringLiteral("+49 170 1234567")},
                              {QStringLiteral("birth_date"), QStringLiteral("1980-04-01")},
                              {QStringLiteral("card_number"), QStringLiteral("2000000000015")}};
    QSqlQuery event(m_data->db());
    event.prepare(QStringLiteral("INSERT INTO outbox_events (uuid, till_id, sequence, type, payload, created_at,"
                                 " state) VALUES ('e-1', 'till', 1000, 'member.enrolled', ?, ?, 'acknowledged')"));
    event.addBindValue(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
    event.addBindValue(StoredTime::instant(kNow.addYears(-2)));
    QVERIFY2(event.exec(), qPrintable(event.lastError().text()));
}

void TestErasure::cleanup()
{
    m_data.reset();
}

void TestErasure::personalFieldsAreGone()
{
    const auto erased = erase(m_manager);
    QVERIFY2(erased.ok(), qPrintable(errorText(erased)));
    QCOMPARE(erased->erasedAt, m_data->clock().nowIso());
    QCOMPARE(sql(QStringLiteral("SELECT name FROM members WHERE id = %1").arg(m_rich.id)).toString(), QString());
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM members WHERE id = %1 AND email IS NULL AND phone IS NULL"
                                " AND birth_date IS NULL AND erased_at = '%2'")
                     .arg(m_rich.id)
                     .arg(erased->erasedAt))
                 .toInt(),
             1);
    // Nothing of the person is left in the search index or the till's outbox.
    QCOMPARE(
        sql(QStringLiteral("SELECT count(*) FROM member_search WHERE member_search MATCH 'mül* OR anna* OR 0170*'"))
            .toInt(),
        0);
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM outbox_events WHERE payload LIKE '%Müller%'"
                                " OR payload LIKE '%anna.mueller%' OR payload LIKE '%1234567%'"))
                 .toInt(),
             0);
    MemberSearch search(m_data->db());
    for (const QString& query : {QStringLiteral("anna"), QStringLiteral("0170 123"), QStringLiteral("anna.mueller@"),
                                 QStringLiteral("2000000000022")}) {
        const auto page = search.search(query);
        QVERIFY(page.ok());
        QVERIFY2(page->hits.isEmpty(), qPrintable(query));
    }
}

void TestErasure::ledgerAndSalesAreUntouched()
{
    const QStringList before = accounting();
    const auto erased = erase(m_manager);
    QVERIFY2(erased.ok(), qPrintable(errorText(erased)));
    QCOMPARE(accounting(), before);
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM sales WHERE member_id = %1").arg(m_rich.id)).toInt(), 2);
}

void TestErasure::cardsAreBlockedAndRefusedAtTheTill()
{
    const auto erased = erase(m_manager);
    QVERIFY2(erased.ok(), qPrintable(errorText(erased)));
    QCOMPARE(erased->blockedCards, QStringList{QStringLiteral("2000000000022")});
    QCOMPARE(sql(QStringLiteral("SELECT group_concat(number || ':' || state) FROM (SELECT * FROM cards"
                                " WHERE member_id = %1 ORDER BY number)")
                     .arg(m_rich.id))
                 .toString(),
             QStringLiteral("2000000000015:replaced,2000000000022:blocked"));
    SaleSession session(*m_data->database(), m_data->clock(), m_data->settings(), ProfileTestData::programme());
    const ScanOutcome outcome = session.scan(QStringLiteral("2000000000022"));
    QCOMPARE(outcome.kind, ScanOutcome::Kind::Refused);
    QVERIFY(!session.member().has_value());
}

void TestErasure::eventAndAuditEntryInTheSameTransaction()
{
    const qint64 eventsBefore = sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong();
    const auto erased = erase(m_manager);
    QVERIFY2(erased.ok(), qPrintable(errorText(erased)));
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong(), eventsBefore + 1);
    const QJsonObject payload =
        QJsonDocument::fromJson(
            sql(QStringLiteral("SELECT payload FROM outbox_events WHERE type = 'member.erased'")).toString().toUtf8())
            .object();
    QCOMPARE(payload.value(QStringLiteral("member_uuid")).toString(), erased->memberUuid);
    QCOMPARE(payload.value(QStringLiteral("erased_at")).toString(), erased->erasedAt);
    const QJsonObject audit = payload.value(QStringLiteral("audit")).toObject();
    QCOMPARE(audit, erased->audit.toJson());

    const auto ref = MemberPseudonym(m_data->db()).of(erased->memberUuid);
    QVERIFY(ref.ok());
    QCOMPARE(erased->audit.memberRef, *ref);
    const auto entries = AuditLog(m_data->db()).list(10, 0, *ref);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().action, QStringLiteral("member.erased"));
    QCOMPARE(entries->first().reason, QStringLiteral("customer's request"));
    QCOMPARE(entries->first().staffName, QStringLiteral("Mara"));
    QCOMPARE(entries->first().seq, erased->audit.seq);
    // The audit log keeps nothing that was erased.
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM audit_log WHERE before LIKE '%Anna%' OR after LIKE '%Anna%'"
                                " OR member_ref = '%1'")
                     .arg(erased->memberUuid))
                 .toInt(),
             0);
}

void TestErasure::enrolmentPayloadsAreRedacted()
{
    const auto erased = erase(m_manager);
    QVERIFY2(erased.ok(), qPrintable(errorText(erased)));
    const QJsonObject payload =
        QJsonDocument::fromJson(
            sql(QStringLiteral("SELECT payload FROM outbox_events WHERE uuid = 'e-1'")).toString().toUtf8())
            .object();
    QCOMPARE(payload.value(QStringLiteral("name")).toString(), QString());
    QVERIFY(payload.value(QStringLiteral("email")).isNull());
    QVERIFY(payload.value(QStringLiteral("phone")).isNull());
    QVERIFY(payload.value(QStringLiteral("birth_date")).isNull());
    QVERIFY(payload.value(QStringLiteral("redacted")).toBool());
    QCOMPARE(payload.value(QStringLiteral("member_uuid")).toString(), erased->memberUuid);
}

void TestErasure::failedOutboxLeavesTheMemberAsTheyWere()
{
    // The outbox refuses the event: the erasure must roll back completely.
    QSqlQuery trigger(m_data->database()->connection());
    QVERIFY2(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_erased BEFORE INSERT ON main.outbox_events"
                                         " WHEN new.type = 'member.erased' BEGIN SELECT RAISE(ABORT, 'refused'); END")),
             qPrintable(trigger.lastError().text()));
    const qint64 auditBefore = sql(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    const auto erased = erase(m_manager);
    QVERIFY(!erased.ok());
    QCOMPARE(sql(QStringLiteral("SELECT name FROM members WHERE id = %1").arg(m_rich.id)).toString(),
             QStringLiteral("Anna Müller"));
    QVERIFY(sql(QStringLiteral("SELECT erased_at FROM members WHERE id = %1").arg(m_rich.id)).isNull());
    QCOMPARE(sql(QStringLiteral("SELECT state FROM cards WHERE number = '2000000000022'")).toString(),
             QStringLiteral("active"));
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), auditBefore);
    QVERIFY(sql(QStringLiteral("SELECT payload FROM outbox_events WHERE uuid = 'e-1'"))
                .toString()
                .contains(QStringLiteral("Anna Müller")));
}

void TestErasure::cashierIsRefused()
{
    m_cashier = m_data->signInAs(QStringLiteral("Carl"));
    const QStringList before = accounting();
    const qint64 events = sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong();
    const auto erased = erase(m_cashier);
    QVERIFY(!erased.ok());
    QCOMPARE(erased.error().code, Error::Code::Refused);
    QCOMPARE(erased.error().reason, QStringLiteral("not_a_manager"));
    QCOMPARE(sql(QStringLiteral("SELECT name FROM members WHERE id = %1").arg(m_rich.id)).toString(),
             QStringLiteral("Anna Müller"));
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong(), events);
    QCOMPARE(accounting(), before);
    // A forged session claiming the manager role is refused too: the database says cashier.
    StaffSession forged = m_cashier;
    forged.role = StaffRole::Manager;
    QCOMPARE(erase(forged).error().reason, QStringLiteral("not_a_manager"));
}

void TestErasure::reasonIsRequiredAndTwiceIsRefused()
{
    QCOMPARE(erase(m_manager, QStringLiteral("   ")).error().reason, QStringLiteral("reason_missing"));
    QVERIFY(erase(m_manager).ok());
    QCOMPARE(erase(m_manager).error().reason, QStringLiteral("already_erased"));
}

QTEST_GUILESS_MAIN(TestErasure)
#include "TestErasure.moc"
