// Staff accounts in core: the first manager only once, managers-only operations refused for a
// cashier by ManagerGuard (in the database, not the screen), PIN lockout and its end, shifts.
// Every PIN check runs the real 600,000-iteration KDF, so the tests use as few as they can.
#include "audit/AuditLog.h"
#include "audit/AuditVerifier.h"
#include "ctl/RawDatabase.h"
#include "staff/ManagerGuard.h"
#include "staff/PinHasher.h"
#include "staff/StaffDirectory.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace loyalty;

namespace {

const QString kManagerPin = QStringLiteral("2580");
const QString kCashierPin = QStringLiteral("7193");

}  // namespace

class TestStaffDirectory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstManagerOnlyOnce();
    void cashierIsRefusedManagerOperations();
    void lockoutAfterFiveWrongPinsAndItsEnd();
    void shiftsOpenAndClose();
    void managerOverrideKeepsTheCashierShift();
    void lastManagerStays();
    void changePinBySelfOrManager();
    void cheaperStoredPinIsUpgradedAtSignIn();

private:
    // The first manager (signed in) and a cashier added by them.
    void createStaff();
    QVariant raw(const QString& sql) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<StaffDirectory> m_staff;
    StaffSession m_manager;
    StaffMember m_cashier;
};

void TestStaffDirectory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC));
    auto opened = Database::open(m_dir->filePath(QStringLiteral("till.db")), *m_clock);
    QVERIFY(opened.ok());
    m_database = std::move(opened).value();
    m_staff = std::make_unique<StaffDirectory>(*m_database, *m_clock);
}

void TestStaffDirectory::cleanup()
{
    m_staff.reset();
    m_database.reset();
    m_dir.reset();
}

QVariant TestStaffDirectory::raw(const QString& sql) const
{
    return RawDatabase(m_database->path()).value(sql);
}

void TestStaffDirectory::createStaff()
{
    const auto manager = m_staff->createFirstManager(QStringLiteral("Mara"), kManagerPin);
    QVERIFY2(manager.ok(), qPrintable(manager.ok() ? QString() : manager.error().message));
    m_manager = *manager;
    const auto cashier = m_staff->add(m_manager, QStringLiteral("Carl"), StaffRole::Cashier, kCashierPin);
    QVERIFY2(cashier.ok(), qPrintable(cashier.ok() ? QString() : cashier.error().message));
    m_cashier = *cashier;
}

void TestStaffDirectory::firstManagerOnlyOnce()
{
    QCOMPARE(*m_staff->hasStaff(), false);
    // Rules before any account exists: a trivial PIN is refused and nothing is created.
    QCOMPARE(m_staff->createFirstManager(QStringLiteral("Mara"), QStringLiteral("1234")).error().reason,
             QStringLiteral("pin_trivial"));
    QCOMPARE(*m_staff->hasStaff(), false);
    const auto first = m_staff->createFirstManager(QStringLiteral("  Mara  "), kManagerPin);
    QVERIFY(first.ok());
    QCOMPARE(first->name, QStringLiteral("Mara"));
    QVERIFY(first->isManager());
    QVERIFY(first->shiftId > 0);
    QVERIFY(ManagerGuard(m_database->connection()).requireManager(*first).ok());
    QCOMPARE(*m_staff->hasStaff(), true);

    // A second first run is refused before any KDF work, with a stable reason.
    const auto second = m_staff->createFirstManager(QStringLiteral("Eve"), QStringLiteral("8642"));
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, Error::Code::Refused);
    QCOMPARE(second.error().reason, QStringLiteral("staff_exist"));
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM staff")).toInt(), 1);

    // The PIN is stored only as the KDF's output with its salt and method.
    QCOMPARE(raw(QStringLiteral("SELECT kdf FROM staff")).toString(), QStringLiteral("pbkdf2-sha256:600000"));
    QCOMPARE(raw(QStringLiteral("SELECT length(pin_salt) FROM staff")).toInt(), 16);
    QCOMPARE(raw(QStringLiteral("SELECT length(pin_hash) FROM staff")).toInt(), 32);
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM staff WHERE instr(pin_hash, '2580') > 0")).toInt(), 0);
    // And the account's creation is in the audit log, by the new manager.
    QCOMPARE(raw(QStringLiteral("SELECT action || '/' || staff_name FROM audit_log")).toString(),
             QStringLiteral("staff.added/Mara"));
}

void TestStaffDirectory::cashierIsRefusedManagerOperations()
{
    createStaff();
    QVERIFY(!QTest::currentTestFailed());
    const auto list = m_staff->list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, QStringLiteral("Carl"));
    QCOMPARE(list->at(0).role, StaffRole::Cashier);

    const auto cashier = m_staff->signIn(QStringLiteral("carl"), kCashierPin);  // names ignore case
    QVERIFY(cashier.ok());
    QVERIFY(!cashier->isManager());
    const ManagerGuard guard(m_database->connection());
    const auto refused = guard.requireManager(*cashier);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QCOMPARE(refused.error().reason, QStringLiteral("not_a_manager"));
    QVERIFY(!refused.error().message.isEmpty());

    // add and deactivate refuse before doing anything.
    QCOMPARE(m_staff->add(*cashier, QStringLiteral("Eve"), StaffRole::Manager, QStringLiteral("8642")).error().reason,
             QStringLiteral("not_a_manager"));
    QCOMPARE(m_staff->deactivate(*cashier, m_manager.staffId).error().reason, QStringLiteral("not_a_manager"));
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM staff")).toInt(), 2);
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM staff WHERE active = 1")).toInt(), 2);

    // A forged session that claims the manager role is still a cashier in the database.
    StaffSession forged = *cashier;
    forged.role = StaffRole::Manager;
    QCOMPARE(guard.requireManager(forged).error().reason, QStringLiteral("not_a_manager"));
    // The manager's own session ended when the cashier signed in on this till.
    QCOMPARE(guard.requireManager(m_manager).error().reason, QStringLiteral("not_a_manager"));
    // A manager session naming another staff member's shift is refused as well.
    StaffSession borrowed = m_manager;
    borrowed.shiftId = cashier->shiftId;
    QCOMPARE(guard.requireManager(borrowed).error().reason, QStringLiteral("not_a_manager"));
    QVERIFY(AuditVerifier(m_database->connection()).run()->ok());
}

void TestStaffDirectory::lockoutAfterFiveWrongPinsAndItsEnd()
{
    createStaff();
    QVERIFY(!QTest::currentTestFailed());
    for (int attempt = 1; attempt <= 4; ++attempt) {
        const auto wrong = m_staff->signIn(QStringLiteral("Carl"), QStringLiteral("0007"));
        QCOMPARE(wrong.error().reason, QStringLiteral("wrong_pin"));
        QCOMPARE(raw(QStringLiteral("SELECT failed_attempts FROM staff WHERE name = 'Carl'")).toInt(), attempt);
    }
    const auto fifth = m_staff->signIn(QStringLiteral("Carl"), QStringLiteral("0007"));
    QCOMPARE(fifth.error().reason, QStringLiteral("staff_locked"));
    QCOMPARE(raw(QStringLiteral("SELECT locked_until FROM staff WHERE name = 'Carl'")).toString(),
             QStringLiteral("2026-11-30T08:05:00.000Z"));
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staff.locked'")).toInt(), 1);

    // While locked even the right PIN is refused, and the message says until when.
    m_clock->advanceSeconds(4 * 60);
    const auto locked = m_staff->signIn(QStringLiteral("Carl"), kCashierPin);
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().reason, QStringLiteral("staff_locked"));
    QCOMPARE(locked.error().code, Error::Code::Refused);
    const QString until = QLocale().toString(QDateTime(QDate(2026, 11, 30), QTime(8, 5), Qt::UTC).toLocalTime().time(),
                                             QLocale::ShortFormat);
    QVERIFY2(locked.error().message.contains(until), qPrintable(locked.error().message));
    QCOMPARE(raw(QStringLiteral("SELECT failed_attempts FROM staff WHERE name = 'Carl'")).toInt(), 5);
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM shifts WHERE staff_id = %1").arg(m_cashier.id)).toInt(), 0);

    // After the lock: one more wrong PIN locks again, for twice as long.
    m_clock->advanceSeconds(61);
    QCOMPARE(m_staff->signIn(QStringLiteral("Carl"), QStringLiteral("0007")).error().reason,
             QStringLiteral("staff_locked"));
    QCOMPARE(raw(QStringLiteral("SELECT locked_until FROM staff WHERE name = 'Carl'")).toString(),
             QStringLiteral("2026-11-30T08:15:01.000Z"));

    // Once that has passed, the right PIN opens the account and resets the count.
    m_clock->advanceSeconds(10 * 60 + 1);
    const auto open = m_staff->signIn(QStringLiteral("Carl"), kCashierPin);
    QVERIFY2(open.ok(), qPrintable(open.ok() ? QString() : open.error().message));
    QCOMPARE(raw(QStringLiteral("SELECT failed_attempts FROM staff WHERE name = 'Carl'")).toInt(), 0);
    QVERIFY(raw(QStringLiteral("SELECT locked_until FROM staff WHERE name = 'Carl'")).isNull());

    // Unlocking the idle lock counts the same way and opens no shift.
    const qint64 shifts = raw(QStringLiteral("SELECT count(*) FROM shifts")).toLongLong();
    QCOMPARE(m_staff->verifyPin(*open, QStringLiteral("0007")).error().reason, QStringLiteral("wrong_pin"));
    QCOMPARE(raw(QStringLiteral("SELECT failed_attempts FROM staff WHERE name = 'Carl'")).toInt(), 1);
    QVERIFY(m_staff->verifyPin(*open, kCashierPin).ok());
    QCOMPARE(raw(QStringLiteral("SELECT failed_attempts FROM staff WHERE name = 'Carl'")).toInt(), 0);
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM shifts")).toLongLong(), shifts);

    // An unknown name gets the same answer as a wrong PIN.
    QCOMPARE(m_staff->signIn(QStringLiteral("Nobody"), kCashierPin).error().reason, QStringLiteral("wrong_pin"));
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staff.locked'")).toInt(), 2);
    QVERIFY(AuditVerifier(m_database->connection()).run()->ok());
}

void TestStaffDirectory::shiftsOpenAndClose()
{
    createStaff();
    QVERIFY(!QTest::currentTestFailed());
    const ManagerGuard guard(m_database->connection());
    m_clock->advanceSeconds(3600);
    QVERIFY(m_staff->signOut(m_manager).ok());
    QCOMPARE(raw(QStringLiteral("SELECT signed_out_at || ' ' || end_reason FROM shifts WHERE id = %1")
                     .arg(m_manager.shiftId))
                 .toString(),
             QStringLiteral("2026-11-30T09:00:00.000Z signed_out"));
    QCOMPARE(guard.requireManager(m_manager).error().reason, QStringLiteral("not_a_manager"));

    const auto cashier = m_staff->signIn(QStringLiteral("Carl"), kCashierPin);
    QVERIFY(cashier.ok());
    QVERIFY(cashier->shiftId != m_manager.shiftId);
    QVERIFY(guard.requireSignedIn(*cashier).ok());
    // The next person at this till ends the open shift.
    m_clock->advanceSeconds(600);
    const auto manager = m_staff->signIn(QStringLiteral("Mara"), kManagerPin);
    QVERIFY(manager.ok());
    QCOMPARE(raw(QStringLiteral("SELECT end_reason FROM shifts WHERE id = %1").arg(cashier->shiftId)).toString(),
             QStringLiteral("replaced"));
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM shifts WHERE signed_out_at IS NULL")).toInt(), 1);
    QVERIFY(guard.requireManager(*manager).ok());
    QCOMPARE(guard.requireSignedIn(*cashier).error().reason, QStringLiteral("not_signed_in"));
    // The ended session cannot unlock the idle lock either (and no KDF runs for it).
    QCOMPARE(m_staff->verifyPin(*cashier, kCashierPin).error().reason, QStringLiteral("not_signed_in"));
}

void TestStaffDirectory::managerOverrideKeepsTheCashierShift()
{
    createStaff();
    QVERIFY(!QTest::currentTestFailed());
    const ManagerGuard guard(m_database->connection());
    const auto cashier = m_staff->signIn(QStringLiteral("Carl"), kCashierPin);
    QVERIFY(cashier.ok());
    const QString openCount = QStringLiteral("SELECT count(*) FROM shifts WHERE signed_out_at IS NULL");

    // A cashier's right PIN is no override: refused as not a manager, and no shift opens.
    const auto byCashier = m_staff->signInOverride(QStringLiteral("Carl"), kCashierPin);
    QVERIFY(!byCashier.ok());
    QCOMPARE(byCashier.error().code, Error::Code::Refused);
    QCOMPARE(byCashier.error().reason, ManagerGuard::kNotAManager);
    QCOMPARE(raw(openCount).toInt(), 1);

    // The manager's override opens a shift of its own and leaves the cashier's open.
    m_clock->advanceSeconds(60);
    const auto override = m_staff->signInOverride(QStringLiteral("mara"), kManagerPin);
    QVERIFY2(override.ok(), qPrintable(override.ok() ? QString() : override.error().message));
    QCOMPARE(override->staffId, m_manager.staffId);
    QVERIFY(override->isManager());
    QVERIFY(override->shiftId != cashier->shiftId);
    QCOMPARE(raw(openCount).toInt(), 2);
    QVERIFY(guard.requireSignedIn(*cashier).ok());
    QVERIFY(guard.requireManager(*override).ok());
    // While it lasts it is a manager session in core: a manager operation goes through.
    const auto added = m_staff->add(*override, QStringLiteral("Eve"), StaffRole::Cashier, QStringLiteral("8642"));
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));

    // Ended, core refuses it; the cashier is still signed in.
    m_clock->advanceSeconds(60);
    QVERIFY(m_staff->endOverride(*override).ok());
    QCOMPARE(raw(QStringLiteral("SELECT signed_out_at || ' ' || end_reason FROM shifts WHERE id = %1")
                     .arg(override->shiftId))
                 .toString(),
             QStringLiteral("2026-11-30T08:02:00.000Z override_ended"));
    QCOMPARE(guard.requireManager(*override).error().reason, ManagerGuard::kNotAManager);
    QCOMPARE(m_staff->add(*override, QStringLiteral("Fay"), StaffRole::Cashier, QStringLiteral("8642")).error().reason,
             ManagerGuard::kNotAManager);
    QVERIFY(guard.requireSignedIn(*cashier).ok());
    QCOMPARE(raw(openCount).toInt(), 1);
    // Ending it twice changes nothing, and endOverride never ends the cashier's shift.
    QVERIFY(m_staff->endOverride(*override).ok());
    QCOMPARE(raw(QStringLiteral("SELECT end_reason FROM shifts WHERE id = %1").arg(override->shiftId)).toString(),
             QStringLiteral("override_ended"));

    // An override left open (the till died) ends at the next normal sign-in.
    const auto stale = m_staff->signInOverride(QStringLiteral("Mara"), kManagerPin);
    QVERIFY(stale.ok());
    const auto next = m_staff->signIn(QStringLiteral("Carl"), kCashierPin);
    QVERIFY(next.ok());
    QCOMPARE(raw(openCount).toInt(), 1);
    QCOMPARE(guard.requireManager(*stale).error().reason, ManagerGuard::kNotAManager);
    QVERIFY(guard.requireSignedIn(*next).ok());

    // Wrong override PINs count and lock the manager like wrong sign-ins; the cashier stays.
    for (int attempt = 1; attempt < StaffDirectory::kMaxFailedAttempts; ++attempt) {
        QCOMPARE(m_staff->signInOverride(QStringLiteral("Mara"), QStringLiteral("0007")).error().reason,
                 QStringLiteral("wrong_pin"));
        QCOMPARE(raw(QStringLiteral("SELECT failed_attempts FROM staff WHERE name = 'Mara'")).toInt(), attempt);
    }
    QCOMPARE(m_staff->signInOverride(QStringLiteral("Mara"), QStringLiteral("0007")).error().reason,
             QStringLiteral("staff_locked"));
    QCOMPARE(m_staff->signInOverride(QStringLiteral("Mara"), kManagerPin).error().reason,
             QStringLiteral("staff_locked"));
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staff.locked'")).toInt(), 1);
    QCOMPARE(raw(openCount).toInt(), 1);
    QVERIFY(guard.requireSignedIn(*next).ok());
    QVERIFY(AuditVerifier(m_database->connection()).run()->ok());
}

void TestStaffDirectory::lastManagerStays()
{
    createStaff();
    QVERIFY(!QTest::currentTestFailed());
    const auto last = m_staff->deactivate(m_manager, m_manager.staffId);
    QCOMPARE(last.error().reason, QStringLiteral("last_manager"));
    QVERIFY(m_staff->deactivate(m_manager, m_cashier.id).ok());
    QCOMPARE(raw(QStringLiteral("SELECT active FROM staff WHERE id = %1").arg(m_cashier.id)).toInt(), 0);
    // A deactivated account cannot sign in; the answer is the same as for a wrong PIN.
    QCOMPARE(m_staff->signIn(QStringLiteral("Carl"), kCashierPin).error().reason, QStringLiteral("wrong_pin"));
    // Names stay taken by deactivated accounts, so the audit log's names stay unambiguous.
    QCOMPARE(m_staff->add(m_manager, QStringLiteral("CARL"), StaffRole::Cashier, kCashierPin).error().reason,
             QStringLiteral("staff_name_taken"));
    QCOMPARE(raw(QStringLiteral("SELECT group_concat(action, ',') FROM (SELECT action FROM audit_log ORDER BY seq)"))
                 .toString(),
             QStringLiteral("staff.added,staff.added,staff.deactivated"));
}

void TestStaffDirectory::changePinBySelfOrManager()
{
    createStaff();
    QVERIFY(!QTest::currentTestFailed());
    // Lock the cashier; the manager's new PIN opens the account before its time.
    {
        RawDatabase db(m_database->path());
        QVERIFY(db.exec(QStringLiteral("UPDATE staff SET failed_attempts = 5, locked_until = "
                                       "'2026-11-30T09:00:00.000Z' WHERE name = 'Carl'")));
    }
    QVERIFY(m_staff->changePin(m_manager, m_cashier.id, QStringLiteral("4826")).ok());
    QCOMPARE(raw(QStringLiteral("SELECT failed_attempts FROM staff WHERE name = 'Carl'")).toInt(), 0);
    const auto cashier = m_staff->signIn(QStringLiteral("Carl"), QStringLiteral("4826"));
    QVERIFY(cashier.ok());
    // A cashier may not change somebody else's PIN; a trivial PIN is refused before any work.
    QCOMPARE(m_staff->changePin(*cashier, m_manager.staffId, QStringLiteral("4826")).error().reason,
             QStringLiteral("not_a_manager"));
    QCOMPARE(m_staff->changePin(*cashier, cashier->staffId, QStringLiteral("1111")).error().reason,
             QStringLiteral("pin_trivial"));
    QVERIFY(m_staff->changePin(*cashier, cashier->staffId, QStringLiteral("5937")).ok());
    QCOMPARE(raw(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'staff.pin_changed'")).toInt(), 2);
}

void TestStaffDirectory::cheaperStoredPinIsUpgradedAtSignIn()
{
    createStaff();
    QVERIFY(!QTest::currentTestFailed());
    // A PIN stored when the cost was lower (or by another program) still signs in, with the cost its
    // kdf names, and is stored again with today's cost and a new salt.
    const QByteArray salt("0123456789abcdef");
    const QByteArray hash = PinHasher::pbkdf2Sha256(kCashierPin.toUtf8(), salt, 1000);
    {
        RawDatabase db(m_database->path());
        QVERIFY(db.exec(QStringLiteral("UPDATE staff SET pin_hash = X'%1', pin_salt = X'%2',"
                                       " kdf = 'pbkdf2-sha256:1000' WHERE name = 'Carl'")
                            .arg(QString::fromLatin1(hash.toHex()), QString::fromLatin1(salt.toHex()))));
    }
    QVERIFY(m_staff->signIn(QStringLiteral("Carl"), kCashierPin).ok());
    QCOMPARE(raw(QStringLiteral("SELECT kdf FROM staff WHERE name = 'Carl'")).toString(), PinHasher::currentKdf());
    QVERIFY(raw(QStringLiteral("SELECT pin_salt FROM staff WHERE name = 'Carl'")).toByteArray() != salt);
    QCOMPARE(raw(QStringLiteral("SELECT length(pin_hash) FROM staff WHERE name = 'Carl'")).toInt(), 32);
}

QTEST_GUILESS_MAIN(TestStaffDirectory)
#include "TestStaffDirectory.moc"
