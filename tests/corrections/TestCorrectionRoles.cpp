// Corrections are refused in core for anyone but a signed-in manager — a cashier, a manager whose
// shift ended, a deactivated manager, a forged session — before anything is looked at, and a
// refusal writes nothing.
#include "corrections/CorrectionsFixture.h"
#include "members/CardLifecycle.h"
#include "staff/ManagerGuard.h"

#include <functional>

using namespace loyalty;
using namespace loyalty::test;

class TestCorrectionRoles final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyOperationRefusesACashier();
    void endedShiftAndDeactivatedManagerAreRefused();
    void managerMayDoWhatTheCashierMayNot();

private:
    // Each correction, run as `by`, on data where a manager would succeed.
    QList<std::pair<QString, std::function<QString(const StaffSession&)>>> operations();

    std::unique_ptr<CorrectionsFixture> m_till;
};

void TestCorrectionRoles::init()
{
    m_till = std::make_unique<CorrectionsFixture>();
    const QString problem = m_till->open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    CardLifecycle cards(m_till->database(), m_till->clock(), m_till->settings());
    QVERIFY(cards.block(DemoDataGenerator::cardNumberFor(3), QStringLiteral("lost")).ok());
    QVERIFY(m_till->corrections().adjustWallet(m_till->manager, 4, 500, QStringLiteral("top-up")).ok());
}

void TestCorrectionRoles::cleanup()
{
    m_till.reset();
}

QList<std::pair<QString, std::function<QString(const StaffSession&)>>> TestCorrectionRoles::operations()
{
    Corrections& c = m_till->corrections();
    const QString reason = QStringLiteral("a valid reason");
    // "ok" or the refusal's stable reason.
    const auto code = [](const auto& result) { return result.ok() ? QStringLiteral("ok") : result.error().reason; };
    return {
        {QStringLiteral("adjustPoints +"),
         [&c, reason, code](const StaffSession& by) { return code(c.adjustPoints(by, 5, 100, reason)); }},
        {QStringLiteral("adjustPoints -"),
         [&c, reason, code](const StaffSession& by) { return code(c.adjustPoints(by, 4, -1, reason)); }},
        {QStringLiteral("adjustWallet +"),
         [&c, reason, code](const StaffSession& by) { return code(c.adjustWallet(by, 5, 100, reason)); }},
        {QStringLiteral("adjustWallet -"),
         [&c, reason, code](const StaffSession& by) { return code(c.adjustWallet(by, 4, -100, reason)); }},
        {QStringLiteral("merge"),
         [&c, reason, code](const StaffSession& by) { return code(c.merge(by, 6, 7, reason)); }},
        {QStringLiteral("unblockCard"),
         [&c, reason, code](const StaffSession& by) {
             return code(c.unblockCard(by, DemoDataGenerator::cardNumberFor(3), reason));
         }},
        {QStringLiteral("replaceCard"),
         [&c, reason, code](const StaffSession& by) {
             return code(c.replaceCard(by, DemoDataGenerator::cardNumberFor(8), DemoDataGenerator::cardNumberFor(4008),
                                       reason));
         }},
        // Even with invalid input the role is the first refusal: a cashier learns nothing else.
        {QStringLiteral("adjustPoints without reason"),
         [&c, code](const StaffSession& by) { return code(c.adjustPoints(by, 999999, 0, QString())); }},
    };
}

void TestCorrectionRoles::everyOperationRefusesACashier()
{
    const QString before = m_till->fingerprint();
    for (const auto& [name, run] : operations()) {
        QCOMPARE(run(m_till->cashier), ManagerGuard::kNotAManager);
        QVERIFY2(m_till->fingerprint() == before, qPrintable(name));
    }
    // The refusal is the guard's, with its translated message.
    const auto refused = m_till->corrections().adjustPoints(m_till->cashier, 5, 100, QStringLiteral("x"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QCOMPARE(refused.error().reason, ManagerGuard::kNotAManager);
    QVERIFY(!refused.error().message.isEmpty());
    // A session that claims the manager role for the cashier's account is refused too: the
    // database decides, not the struct.
    StaffSession forged = m_till->cashier;
    forged.role = StaffRole::Manager;
    const auto forgedResult = m_till->corrections().adjustPoints(forged, 5, 100, QStringLiteral("x"));
    QVERIFY(!forgedResult.ok());
    QCOMPARE(forgedResult.error().reason, ManagerGuard::kNotAManager);
    QCOMPARE(m_till->fingerprint(), before);
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

void TestCorrectionRoles::endedShiftAndDeactivatedManagerAreRefused()
{
    const StaffSession ended = m_till->signedIn(QStringLiteral("Eve Ended"), StaffRole::Manager);
    const StaffSession gone = m_till->signedIn(QStringLiteral("Dan Deactivated"), StaffRole::Manager);
    QSqlQuery update(m_till->db());
    QVERIFY(update.exec(QStringLiteral("UPDATE shifts SET signed_out_at = '2026-11-22T10:00:00.000Z'"
                                       " WHERE id = %1")
                            .arg(ended.shiftId)));
    QVERIFY(update.exec(QStringLiteral("UPDATE staff SET active = 0 WHERE id = %1").arg(gone.staffId)));
    const QString before = m_till->fingerprint();
    for (const StaffSession& by : {ended, gone}) {
        for (const auto& [name, run] : operations()) {
            QCOMPARE(run(by), ManagerGuard::kNotAManager);
            QVERIFY2(m_till->fingerprint() == before, qPrintable(name));
        }
    }
}

void TestCorrectionRoles::managerMayDoWhatTheCashierMayNot()
{
    // The same operations (all but the invalid last one) pass for the manager, so the refusals
    // above are about the role.
    const qint64 audits = m_till->count(QStringLiteral("audit_log"));
    const qint64 events = m_till->count(QStringLiteral("outbox_events"));
    const auto all = operations();
    for (qsizetype i = 0; i + 1 < all.size(); ++i)
        QCOMPARE(all.at(i).second(m_till->manager), QStringLiteral("ok"));
    QCOMPARE(m_till->count(QStringLiteral("audit_log")), audits + all.size() - 1);
    QCOMPARE(m_till->count(QStringLiteral("outbox_events")), events + all.size() - 1);
    const QString problems = m_till->problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
}

QTEST_GUILESS_MAIN(TestCorrectionRoles)
#include "TestCorrectionRoles.moc"
