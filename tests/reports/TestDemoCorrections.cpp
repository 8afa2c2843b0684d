// The demo corrections: the demo manager (named and PIN as documented) makes them through the real
// Corrections service after the history; the audit chain verifies, the till stays consistent, the
// balances moved by exactly the corrections, and a till that has staff already is refused.
#include "ReportTestData.h"
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "demo/DemoCorrections.h"
#include "ledger/LedgerRepository.h"
#include "staff/StaffDirectory.h"
#include "staff/StaffSession.h"
#include "store/ConsistencyCheck.h"

#include <QSet>
#include <QSqlQuery>

using namespace loyalty;
using namespace loyalty::test;

class TestDemoCorrections final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void correctionsAreAuditedAndConsistent();
    void tillWithStaffIsRefused();
    void fewMembersGetFewerCorrections();
};

void TestDemoCorrections::correctionsAreAuditedAndConsistent()
{
    DemoHistory::Options options;
    options.days = 5;
    options.minSalesPerDay = 10;
    options.maxSalesPerDay = 15;
    options.memberPool = 30;
    ReportTestTill till;
    QVERIFY(till.build(1000, options));
    LedgerRepository ledger(till.database->connection());
    const Points before7 = *ledger.balance(7);
    const Points before12 = *ledger.balance(12);
    const qint64 wallet3 = *ledger.balance(3, QStringLiteral("wallet"));
    QVERIFY(before12 >= 100);

    const auto made = DemoCorrections(*till.database, till.clock).generate();
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
    QCOMPARE(made->corrections, 5);
    QCOMPARE(made->consents, 3);
    QCOMPARE(made->managerName, QStringLiteral("Demo Manager"));

    QCOMPARE(*ledger.balance(7), before7 + 250);
    QCOMPARE(*ledger.balance(12), before12 - 100);
    QCOMPARE(*ledger.balance(3, QStringLiteral("wallet")), wallet3 + 500);
    QCOMPARE(*ledger.balance(21), 0);  // merged into member 20

    const auto entries = AuditLog(till.database->connection()).list(100);
    QVERIFY(entries.ok());
    QSet<QString> actions;
    for (const AuditEntry& entry : *entries) {
        actions.insert(entry.action);
        // Dated the evening before today, after the history's last sale.
        QVERIFY2(QDateTime::fromString(entry.recordedAt, Qt::ISODateWithMs).toLocalTime().date() ==
                     till.clock.now().toLocalTime().date().addDays(-1),
                 qPrintable(entry.recordedAt));
    }
    for (const char* action :
         {"points.adjusted", "wallet.adjusted", "card.unblocked", "members.merged", "consent.recorded"})
        QVERIFY2(actions.contains(QLatin1String(action)), action);
    const auto verified = AuditVerifier(till.database->connection()).run();
    QVERIFY(verified.ok());
    QVERIFY2(verified->ok(), qPrintable(verified->message));
    QVERIFY(verified->entries >= 5);

    const auto report = ConsistencyCheck(*till.database).run();
    QVERIFY(report.ok());
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(QLatin1Char('\n'))));

    // The documented sign-in works; the demo manager's shift was closed.
    StaffDirectory staff(*till.database, till.clock);
    const auto session = staff.signIn(DemoCorrections::kManagerName, DemoCorrections::kManagerPin);
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().message));
    QVERIFY(session->isManager());
}

void TestDemoCorrections::tillWithStaffIsRefused()
{
    DemoHistory::Options none;
    none.days = 0;
    ReportTestTill till;
    QVERIFY(till.build(50, none));
    QVERIFY(StaffDirectory(*till.database, till.clock)
                .createFirstManager(QStringLiteral("Anna"), QStringLiteral("5820"))
                .ok());
    const auto made = DemoCorrections(*till.database, till.clock).generate();
    QVERIFY(!made);
    QCOMPARE(made.error().reason, QStringLiteral("staff_exist"));
}

void TestDemoCorrections::fewMembersGetFewerCorrections()
{
    DemoHistory::Options none;
    none.days = 0;
    ReportTestTill till;
    QVERIFY(till.build(15, none));
    const auto made = DemoCorrections(*till.database, till.clock).generate();
    QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
    QCOMPARE(made->corrections, 3);  // no member 21 to merge, no member 1000's blocked card
}

QTEST_GUILESS_MAIN(TestDemoCorrections)
#include "TestDemoCorrections.moc"
