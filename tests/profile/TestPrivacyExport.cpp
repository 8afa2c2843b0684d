// The export of a member's data: every table that holds something about them is in the JSON,
// figures match the database, the summary is readable and translated, the export is audited and
// a cashier is refused.
#include "ProfileTestData.h"
#include "audit/AuditLog.h"
#include "audit/MemberPseudonym.h"
#include "privacy/PrivacyExport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTranslator>

using namespace loyalty;
using namespace loyalty::test;

namespace {
const QDateTime kNow(QDate(2026, 11, 20), QTime(10, 0));

// Replaces every string of PrivacyExport's context with a marked copy, so the test sees that
// the summary's words go through tr().
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char* context, const char* sourceText, const char* disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (QByteArrayView(context) != "PrivacyExport")
            return {};
        return QStringLiteral("«") + QString::fromUtf8(sourceText) + QStringLiteral("»");
    }
    bool isEmpty() const override { return false; }
};
}  // namespace

class TestPrivacyExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void jsonHoldsEverything();
    void salesWithLinesEffectsAndReturns();
    void ledgerMatchesTheDatabase();
    void summaryIsReadableAndTranslated();
    void exportIsAudited();
    void cashierIsRefused();
    void otherMembersStayOut();

private:
    Result<MemberExport> exportRich(const StaffSession& by)
    {
        PrivacyExport privacy(*m_data->database(), m_data->clock(), m_data->settings());
        return privacy.exportMember(by, m_rich.id, QLocale(QLocale::English, QLocale::UnitedKingdom));
    }
    QVariant sql(const QString& query) const { return m_data->data().scalar(query); }

    std::unique_ptr<ProfileTestData> m_data;
    ProfileTestData::RichMember m_rich;
    StaffSession m_manager;
    StaffSession m_cashier;
    qint64 m_friend = 0;
};

void TestPrivacyExport::init()
{
    m_data = std::make_unique<ProfileTestData>(kNow);
    QVERIFY(m_data->isOpen());
    m_rich = m_data->richMember();
    QVERIFY(m_data->database());
    QVERIFY(m_data->signInStaff(m_manager, m_cashier));
    m_friend = m_data->member(QStringLiteral("Friend Person"), QStringLiteral("friend@example.com"));
    AccountTestData& data = m_data->data();
    data.exec(QStringLiteral("UPDATE members SET referred_by = %1 WHERE id = %2").arg(m_rich.id).arg(m_friend));
    data.exec(QStringLiteral("INSERT INTO coupon_uses (code, sale_id, member_id, used_at) VALUES"
                             " ('WELCOME-7', %1, %2, '2026-10-31T10:00:00.000Z')")
                  .arg(m_rich.firstSale)
                  .arg(m_rich.id));
    data.exec(QStringLiteral("INSERT INTO feedback_answers (sale_id, member_id, answered_at) VALUES"
                             " (%1, %2, '2026-11-16T10:00:00.000Z')")
                  .arg(m_rich.secondSale)
                  .arg(m_rich.id));
    data.addRemoteSale(m_rich.id, kNow.addDays(-7), 1500);
    // Someone else's data that must not appear.
    const qint64 otherSale = data.addSale(m_friend, kNow.addDays(-1), {{QStringLiteral("Secret tea"), 1, 200}});
    data.addEntry(m_friend, QStringLiteral("points"), QStringLiteral("earn"), 77, kNow.addDays(-1));
    Q_UNUSED(otherSale)
}

void TestPrivacyExport::cleanup()
{
    m_data.reset();
}

void TestPrivacyExport::jsonHoldsEverything()
{
    const auto exported = exportRich(m_manager);
    QVERIFY2(exported.ok(), qPrintable(errorText(exported)));
    const QJsonObject doc = exported->document.object();
    QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("loyalty-till.member-export"));
    QCOMPARE(doc.value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject member = doc.value(QStringLiteral("member")).toObject();
    QCOMPARE(member.value(QStringLiteral("name")).toString(), QStringLiteral("Anna Müller"));
    QCOMPARE(member.value(QStringLiteral("email")).toString(), QStringLiteral("anna.mueller@example.com"));
    QCOMPARE(member.value(QStringLiteral("phone")).toString(), QStringLiteral("+49 170 1234567"));
    QCOMPARE(member.value(QStringLiteral("birth_date")).toString(), QStringLiteral("1980-04-01"));
    QCOMPARE(member.value(QStringLiteral("uuid")).toString(), exported->memberUuid);
    QCOMPARE(doc.value(QStringLiteral("cards")).toArray().size(), 2);
    QCOMPARE(doc.value(QStringLiteral("consents")).toArray().size(), 3);
    QCOMPARE(doc.value(QStringLiteral("consents")).toArray().at(2).toObject().value(QStringLiteral("given")).toInt(),
             0);
    QCOMPARE(doc.value(QStringLiteral("sales")).toArray().size(), 2);
    QCOMPARE(doc.value(QStringLiteral("remote_sales")).toArray().size(), 1);
    QCOMPARE(doc.value(QStringLiteral("coupon_uses")).toArray().size(), 1);
    QCOMPARE(
        doc.value(QStringLiteral("coupon_uses")).toArray().first().toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("WELCOME-7"));
    QCOMPARE(doc.value(QStringLiteral("segments")).toArray().size(), 1);
    QCOMPARE(doc.value(QStringLiteral("feedback_answers")).toArray().size(), 1);
    const QJsonObject referrals = doc.value(QStringLiteral("referrals")).toObject();
    QCOMPARE(referrals.value(QStringLiteral("members_referred")).toInt(), 1);
    QVERIFY(referrals.value(QStringLiteral("referred_by_uuid")).isNull());
    QStringList balances;
    for (const QJsonValue& value : doc.value(QStringLiteral("balances")).toArray()) {
        const QJsonObject balance = value.toObject();
        balances << balance.value(QStringLiteral("account")).toString() + u'=' +
                        QString::number(balance.value(QStringLiteral("balance")).toInteger());
    }
    QCOMPARE(
        balances.join(u','),
        sql(QStringLiteral("SELECT group_concat(account || '=' || total) FROM (SELECT account, sum(points) AS total"
                           " FROM ledger_entries WHERE member_id = %1 GROUP BY account ORDER BY account)")
                .arg(m_rich.id))
            .toString());
}

void TestPrivacyExport::salesWithLinesEffectsAndReturns()
{
    const auto exported = exportRich(m_manager);
    QVERIFY2(exported.ok(), qPrintable(errorText(exported)));
    const QJsonArray sales = exported->document.object().value(QStringLiteral("sales")).toArray();
    const QJsonObject first = sales.first().toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toInteger(), m_rich.firstSale);
    QCOMPARE(first.value(QStringLiteral("total_minor")).toInteger(), 1140);
    QCOMPARE(first.value(QStringLiteral("lines")).toArray().size(), 2);
    QCOMPARE(first.value(QStringLiteral("lines")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("Rye bread"));
    QCOMPARE(first.value(QStringLiteral("effects")).toArray().size(), 5);
    QCOMPARE(
        first.value(QStringLiteral("effects")).toArray().first().toObject().value(QStringLiteral("kind")).toString(),
        QStringLiteral("points_earned"));
    const QJsonArray returns = first.value(QStringLiteral("returns")).toArray();
    QCOMPARE(returns.size(), 1);
    QCOMPARE(returns.first().toObject().value(QStringLiteral("refund_minor")).toInteger(),
             sql(QStringLiteral("SELECT refund_minor FROM sale_returns")).toLongLong());
    QCOMPARE(returns.first().toObject().value(QStringLiteral("lines")).toArray().size(), 1);
}

void TestPrivacyExport::ledgerMatchesTheDatabase()
{
    const auto exported = exportRich(m_manager);
    QVERIFY2(exported.ok(), qPrintable(errorText(exported)));
    const QJsonArray ledger = exported->document.object().value(QStringLiteral("ledger")).toArray();
    QCOMPARE(ledger.size(),
             sql(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE member_id = %1").arg(m_rich.id)).toInt());
    qint64 points = 0;
    int reversed = 0;
    for (const QJsonValue& value : ledger) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("account")).toString() == u"points")
            points += entry.value(QStringLiteral("amount")).toInteger();
        if (!entry.value(QStringLiteral("return_uuid")).isNull())
            ++reversed;
    }
    QCOMPARE(points, m_data->data().balance(m_rich.id));
    QCOMPARE(reversed, sql(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE return_id IS NOT NULL")).toInt());
}

void TestPrivacyExport::summaryIsReadableAndTranslated()
{
    auto exported = exportRich(m_manager);
    QVERIFY2(exported.ok(), qPrintable(errorText(exported)));
    const QString summary = exported->summary;
    QVERIFY(summary.contains(QStringLiteral("Name: Anna Müller")));
    QVERIFY(summary.contains(QStringLiteral("E-mail: anna.mueller@example.com")));
    QVERIFY(summary.contains(QStringLiteral("2000000000015 (replaced)")));
    QVERIFY(summary.contains(QStringLiteral("marketing: withdrawn (text marketing-v1)")));
    QVERIFY(summary.contains(QStringLiteral("Points: 484")));
    QVERIFY(summary.contains(QStringLiteral("1 member(s) referred")) ||
            summary.contains(QStringLiteral("1 member referred")));

    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    exported = exportRich(m_manager);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(exported.ok(), qPrintable(errorText(exported)));
    QVERIFY2(exported->summary.contains(QStringLiteral("«Name: %1»").arg(QStringLiteral("Anna Müller"))) ||
                 exported->summary.contains(QStringLiteral("«Name: Anna Müller»")),
             qPrintable(exported->summary));
    QVERIFY(exported->summary.contains(QStringLiteral("«withdrawn»")));
    QVERIFY(exported->summary.contains(QStringLiteral("«Cards:»")));
}

void TestPrivacyExport::exportIsAudited()
{
    const qint64 events = sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong();
    const auto exported = exportRich(m_manager);
    QVERIFY2(exported.ok(), qPrintable(errorText(exported)));
    const auto ref = MemberPseudonym(m_data->db()).of(exported->memberUuid);
    QVERIFY(ref.ok());
    const auto entries = AuditLog(m_data->db()).list(10, 0, *ref);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().action, QStringLiteral("member.exported"));
    QCOMPARE(entries->first().staffName, QStringLiteral("Mara"));
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM outbox_events")).toLongLong(), events);
    // A second export lists the first one among the staff actions about the member.
    const auto again = exportRich(m_manager);
    QVERIFY(again.ok());
    const QJsonArray audit = again->document.object().value(QStringLiteral("audit")).toArray();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().toObject().value(QStringLiteral("action")).toString(), QStringLiteral("member.exported"));
}

void TestPrivacyExport::cashierIsRefused()
{
    m_cashier = m_data->signInAs(QStringLiteral("Carl"));
    const qint64 audit = sql(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    const auto exported = exportRich(m_cashier);
    QVERIFY(!exported.ok());
    QCOMPARE(exported.error().reason, QStringLiteral("not_a_manager"));
    QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(), audit);
}

void TestPrivacyExport::otherMembersStayOut()
{
    const auto exported = exportRich(m_manager);
    QVERIFY2(exported.ok(), qPrintable(errorText(exported)));
    const QString json = QString::fromUtf8(exported->document.toJson());
    QVERIFY(!json.contains(QStringLiteral("Friend Person")));
    QVERIFY(!json.contains(QStringLiteral("friend@example.com")));
    QVERIFY(!json.contains(QStringLiteral("Secret tea")));
    QVERIFY(!exported->summary.contains(QStringLiteral("Friend")));
}

QTEST_GUILESS_MAIN(TestPrivacyExport)
#include "TestPrivacyExport.moc"
