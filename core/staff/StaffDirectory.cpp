#include "staff/StaffDirectory.h"

#include "audit/AuditLog.h"
#include "staff/ManagerGuard.h"
#include "staff/PinHasher.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

namespace {

const QString kColumns =
    QStringLiteral("id, name, role, active, failed_attempts, locked_until, created_at, pin_hash, pin_salt, kdf");

QString storedTime(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue jsonTime(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(storedTime(at)) : QJsonValue();
}

// How long the n-th wrong PIN in a row locks the account (0: not yet).
qint64 lockSecondsAfter(int failures)
{
    if (failures < StaffDirectory::kMaxFailedAttempts)
        return 0;
    qint64 seconds = StaffDirectory::kFirstLockSeconds;
    for (int i = StaffDirectory::kMaxFailedAttempts; i < failures && seconds < StaffDirectory::kMaxLockSeconds; ++i)
        seconds *= 2;
    return qMin(seconds, StaffDirectory::kMaxLockSeconds);
}

StaffSession actorOf(const StaffMember& member)
{
    return {member.id, member.name, member.role, 0};
}

Result<Done> exec(QSqlQuery& query)
{
    if (!query.exec())
        return StoreError::from(query.lastError());
    return Done{};
}

}  // namespace

StaffDirectory::StaffDirectory(Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

Result<bool> StaffDirectory::hasStaff() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM staff)")) || !query.next())
        return StoreError::from(query.lastError());
    return query.value(0).toInt() == 1;
}

Result<std::optional<StaffDirectory::StoredStaff>> StaffDirectory::find(const QString& where, const QVariant& key) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM staff WHERE %2").arg(kColumns, where));
    query.bindValue(0, key);
    if (!query.exec())
        return StoreError::from(query.lastError());
    if (!query.next())
        return std::optional<StoredStaff>();
    StoredStaff staff;
    staff.member.id = query.value(0).toLongLong();
    staff.member.name = query.value(1).toString();
    staff.member.role = staffRoleFromKey(query.value(2).toString()).value_or(StaffRole::Cashier);
    staff.member.active = query.value(3).toInt() == 1;
    staff.member.failedAttempts = query.value(4).toInt();
    if (!query.value(5).isNull())
        staff.member.lockedUntil = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
    staff.member.createdAt = query.value(6).toString();
    staff.pin.hash = query.value(7).toByteArray();
    staff.pin.salt = query.value(8).toByteArray();
    staff.pin.kdf = query.value(9).toString();
    return std::optional<StoredStaff>(staff);
}

Result<std::optional<StaffDirectory::StoredStaff>> StaffDirectory::findByName(const QString& name) const
{
    return find(QStringLiteral("name = ? COLLATE NOCASE"), name.trimmed());
}

Result<std::optional<StaffDirectory::StoredStaff>> StaffDirectory::findById(qint64 id) const
{
    return find(QStringLiteral("id = ?"), id);
}

Result<QString> StaffDirectory::checkName(const QString& name)
{
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty() || trimmed.size() > kMaxNameLength) {
        return Error{Error::Code::InvalidInput, tr("A name has 1 to %1 characters.").arg(kMaxNameLength),
                     QStringLiteral("staff_name")};
    }
    for (const QChar c : trimmed) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return Error{Error::Code::InvalidInput, tr("A name cannot hold control characters."),
                         QStringLiteral("staff_name")};
    }
    return trimmed;
}

Result<Done> StaffDirectory::checkNameFree(const QString& name) const
{
    const auto existing = findByName(name);
    if (!existing)
        return existing.error();
    if (existing->has_value()) {
        return Error{Error::Code::Conflict,
                     tr("There is already an account named \"%1\".").arg((*existing)->member.name),
                     QStringLiteral("staff_name_taken")};
    }
    return Done{};
}

Result<StaffMember> StaffDirectory::insert(const StaffSession& by, const QString& name, StaffRole role,
                                           const PinHash& pin)
{
    const QSqlDatabase db = m_database.connection();
    if (auto free = checkNameFree(name); !free)
        return free.error();
    const QString now = m_clock.nowIso();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO staff (name, role, pin_hash, pin_salt, kdf, created_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)"));
    insert.bindValue(0, name);
    insert.bindValue(1, staffRoleKey(role));
    insert.bindValue(2, pin.hash);
    insert.bindValue(3, pin.salt);
    insert.bindValue(4, pin.kdf);
    insert.bindValue(5, now);
    if (auto done = exec(insert); !done)
        return done.error();
    StaffMember member;
    member.id = insert.lastInsertId().toLongLong();
    member.name = name;
    member.role = role;
    member.createdAt = now;
    // The audit entry names the new account, never its PIN, hash or salt.
    const StaffSession actor = by.staffId == 0 && by.name.isEmpty() ? actorOf(member) : by;
    const auto audited = AuditLog(db).append(actor, AuditLog::kStaffAdded, QString(), QString(), QJsonObject(),
                                             QJsonObject{{QStringLiteral("staff_id"), member.id},
                                                         {QStringLiteral("name"), member.name},
                                                         {QStringLiteral("role"), staffRoleKey(role)}},
                                             now);
    if (!audited)
        return audited.error();
    return member;
}

Result<qint64> StaffDirectory::openShift(qint64 staffId, const QString& now)
{
    const QSqlDatabase db = m_database.connection();
    QSqlQuery close(db);
    close.prepare(QStringLiteral("UPDATE shifts SET signed_out_at = ?, end_reason = 'replaced'"
                                 " WHERE signed_out_at IS NULL"));
    close.bindValue(0, now);
    if (auto done = exec(close); !done)
        return done.error();
    QSqlQuery open(db);
    open.prepare(QStringLiteral("INSERT INTO shifts (staff_id, signed_in_at) VALUES (?, ?)"));
    open.bindValue(0, staffId);
    open.bindValue(1, now);
    if (auto done = exec(open); !done)
        return done.error();
    return open.lastInsertId().toLongLong();
}

Result<StaffSession> StaffDirectory::createFirstManager(const QString& name, const QString& pin)
{
    const auto checkedName = checkName(name);
    if (!checkedName)
        return checkedName.error();
    if (const auto existing = hasStaff(); !existing || *existing) {
        if (!existing)
            return existing.error();
        return Error{Error::Code::Refused, tr("This till has staff accounts already; a manager adds new ones."),
                     QStringLiteral("staff_exist")};
    }
    const auto hashed = PinHasher::hash(pin);
    if (!hashed)
        return hashed.error();

    Transaction transaction(m_database.connection());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Again inside the write lock: two first runs at once must not both make a manager.
    const auto existing = hasStaff();
    if (!existing)
        return existing.error();
    if (*existing) {
        return Error{Error::Code::Refused, tr("This till has staff accounts already; a manager adds new ones."),
                     QStringLiteral("staff_exist")};
    }
    const auto member = insert(StaffSession{}, *checkedName, StaffRole::Manager, *hashed);
    if (!member)
        return member.error();
    const auto shift = openShift(member->id, m_clock.nowIso());
    if (!shift)
        return shift.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return StaffSession{member->id, member->name, StaffRole::Manager, *shift};
}

Result<StaffMember> StaffDirectory::add(const StaffSession& by, const QString& name, StaffRole role, const QString& pin)
{
    const QSqlDatabase db = m_database.connection();
    if (auto allowed = ManagerGuard(db).requireManager(by); !allowed)
        return allowed.error();
    const auto checkedName = checkName(name);
    if (!checkedName)
        return checkedName.error();
    if (auto free = checkNameFree(*checkedName); !free)
        return free.error();  // before the slow KDF
    const auto hashed = PinHasher::hash(pin);
    if (!hashed)
        return hashed.error();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto allowed = ManagerGuard(db).requireManager(by); !allowed)
        return allowed.error();
    const auto member = insert(by, *checkedName, role, *hashed);
    if (!member)
        return member.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return member;
}

Result<StaffMember> StaffDirectory::addAsAdministrator(const QString& name, StaffRole role, const QString& pin)
{
    const auto checkedName = checkName(name);
    if (!checkedName)
        return checkedName.error();
    if (auto free = checkNameFree(*checkedName); !free)
        return free.error();
    const auto hashed = PinHasher::hash(pin);
    if (!hashed)
        return hashed.error();
    Transaction transaction(m_database.connection());
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    const StaffSession administrator{0, AuditLog::kAdministratorName, StaffRole::Manager, 0};
    const auto member = insert(administrator, *checkedName, role, *hashed);
    if (!member)
        return member.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return member;
}

Result<QList<StaffMember>> StaffDirectory::list() const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT id, name, role, active, failed_attempts, locked_until, created_at"
                                   " FROM staff ORDER BY name COLLATE NOCASE, id")))
        return StoreError::from(query.lastError());
    QList<StaffMember> members;
    while (query.next()) {
        StaffMember member;
        member.id = query.value(0).toLongLong();
        member.name = query.value(1).toString();
        member.role = staffRoleFromKey(query.value(2).toString()).value_or(StaffRole::Cashier);
        member.active = query.value(3).toInt() == 1;
        member.failedAttempts = query.value(4).toInt();
        if (!query.value(5).isNull())
            member.lockedUntil = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        member.createdAt = query.value(6).toString();
        members.append(member);
    }
    return members;
}

Error StaffDirectory::wrongPinError()
{
    return {Error::Code::Refused, tr("The name or the PIN is wrong."), QStringLiteral("wrong_pin")};
}

Error StaffDirectory::lockedError(const StaffMember& member) const
{
    const QLocale locale;
    const QDateTime until = member.lockedUntil.toLocalTime();
    const bool today = until.date() == m_clock.now().toLocalTime().date();
    const QString when =
        today ? locale.toString(until.time(), QLocale::ShortFormat) : locale.toString(until, QLocale::ShortFormat);
    return {Error::Code::Refused, tr("Too many wrong PINs: %1 is locked until %2.").arg(member.name, when),
            QStringLiteral("staff_locked")};
}

Result<Done> StaffDirectory::recordFailure(const StoredStaff& staff)
{
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    // Counted in SQL, so two tills' worth of guesses at once cannot both write the same count.
    QSqlQuery count(db);
    count.prepare(QStringLiteral("UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ?"
                                 " RETURNING failed_attempts"));
    count.bindValue(0, staff.member.id);
    if (!count.exec() || !count.next())
        return StoreError::from(count.lastError());
    const int failures = count.value(0).toInt();
    count.finish();
    const qint64 lockSeconds = lockSecondsAfter(failures);
    StaffMember after = staff.member;
    after.failedAttempts = failures;
    if (lockSeconds > 0) {
        const QString now = m_clock.nowIso();
        after.lockedUntil = m_clock.now().toUTC().addSecs(lockSeconds);
        QSqlQuery lock(db);
        lock.prepare(QStringLiteral("UPDATE staff SET locked_until = ? WHERE id = ?"));
        lock.bindValue(0, storedTime(after.lockedUntil));
        lock.bindValue(1, staff.member.id);
        if (auto done = exec(lock); !done)
            return done.error();
        const auto audited = AuditLog(db).append(
            actorOf(staff.member), AuditLog::kStaffLocked, QString(), QStringLiteral("too many wrong PINs"),
            QJsonObject{{QStringLiteral("failed_attempts"), failures - 1},
                        {QStringLiteral("locked_until"), jsonTime(staff.member.lockedUntil)}},
            QJsonObject{{QStringLiteral("failed_attempts"), failures},
                        {QStringLiteral("locked_until"), jsonTime(after.lockedUntil)},
                        {QStringLiteral("lock_seconds"), lockSeconds}},
            now);
        if (!audited)
            return audited.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    if (lockSeconds > 0)
        return lockedError(after);
    return wrongPinError();
}

Result<Done> StaffDirectory::checkPin(const StoredStaff& staff, const QString& pin)
{
    if (staff.member.isLockedAt(m_clock.now()))
        return lockedError(staff.member);  // without running the KDF: a lock costs an attacker time
    const auto right = PinHasher::verify(pin, staff.pin);
    if (!right)
        return right.error();
    if (!*right)
        return recordFailure(staff);
    return Done{};
}

Result<StaffDirectory::StoredStaff> StaffDirectory::authenticate(const QString& name, const QString& pin)
{
    const auto found = findByName(name);
    if (!found)
        return found.error();
    if (!found->has_value() || !(*found)->member.active) {
        // The same work and answer as a wrong PIN, so the sign-in does not tell which names exist.
        static const PinHash nobody{QByteArray(PinHasher::kHashBytes, '\0'), QByteArray(PinHasher::kSaltBytes, 'x'),
                                    PinHasher::currentKdf()};
        (void)PinHasher::verify(pin, nobody);
        return wrongPinError();
    }
    if (auto right = checkPin(**found, pin); !right)
        return right.error();
    return **found;
}

Result<Done> StaffDirectory::acceptPin(const StoredStaff& staff, const QString& pin)
{
    // A PIN stored with a lower cost than today's is upgraded now that we know it.
    std::optional<PinHash> rehashed;
    if (PinHasher::needsRehash(staff.pin.kdf)) {
        if (auto fresh = PinHasher::hash(pin))
            rehashed = *fresh;
    }
    const QSqlDatabase db = m_database.connection();
    QSqlQuery reset(db);
    reset.prepare(QStringLiteral("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?"));
    reset.bindValue(0, staff.member.id);
    if (auto done = exec(reset); !done)
        return done.error();
    if (rehashed) {
        QSqlQuery store(db);
        store.prepare(QStringLiteral("UPDATE staff SET pin_hash = ?, pin_salt = ?, kdf = ? WHERE id = ?"));
        store.bindValue(0, rehashed->hash);
        store.bindValue(1, rehashed->salt);
        store.bindValue(2, rehashed->kdf);
        store.bindValue(3, staff.member.id);
        if (auto done = exec(store); !done)
            return done.error();
    }
    return Done{};
}

Result<StaffSession> StaffDirectory::signIn(const QString& name, const QString& pin)
{
    const auto staff = authenticate(name, pin);
    if (!staff)
        return staff.error();
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto accepted = acceptPin(*staff, pin); !accepted)
        return accepted.error();
    const auto shift = openShift(staff->member.id, m_clock.nowIso());
    if (!shift)
        return shift.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return StaffSession{staff->member.id, staff->member.name, staff->member.role, *shift};
}

Result<StaffSession> StaffDirectory::signInOverride(const QString& name, const QString& pin)
{
    // The PIN first, counted like any sign-in: whether an account is a manager's is no answer for
    // somebody who does not know its PIN.
    const auto staff = authenticate(name, pin);
    if (!staff)
        return staff.error();
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto accepted = acceptPin(*staff, pin); !accepted)
        return accepted.error();
    if (staff->member.role != StaffRole::Manager) {
        // The right PIN of a cashier: the count is reset (it was right), but no shift opens.
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        return ManagerGuard::notAManagerError();
    }
    // A shift of its own, next to the one open on this till: nothing else is ended here.
    QSqlQuery open(db);
    open.prepare(QStringLiteral("INSERT INTO shifts (staff_id, signed_in_at) VALUES (?, ?)"));
    open.bindValue(0, staff->member.id);
    open.bindValue(1, m_clock.nowIso());
    if (auto done = exec(open); !done)
        return done.error();
    const qint64 shift = open.lastInsertId().toLongLong();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return StaffSession{staff->member.id, staff->member.name, staff->member.role, shift};
}

Result<Done> StaffDirectory::endOverride(const StaffSession& session)
{
    QSqlQuery close(m_database.connection());
    close.prepare(QStringLiteral("UPDATE shifts SET signed_out_at = ?, end_reason = 'override_ended'"
                                 " WHERE id = ? AND staff_id = ? AND signed_out_at IS NULL"));
    close.bindValue(0, m_clock.nowIso());
    close.bindValue(1, session.shiftId);
    close.bindValue(2, session.staffId);
    return exec(close);
}

Result<Done> StaffDirectory::signOut(const StaffSession& session)
{
    QSqlQuery close(m_database.connection());
    close.prepare(QStringLiteral("UPDATE shifts SET signed_out_at = ?, end_reason = 'signed_out'"
                                 " WHERE id = ? AND staff_id = ? AND signed_out_at IS NULL"));
    close.bindValue(0, m_clock.nowIso());
    close.bindValue(1, session.shiftId);
    close.bindValue(2, session.staffId);
    return exec(close);
}

Result<Done> StaffDirectory::verifyPin(const StaffSession& session, const QString& pin)
{
    if (auto signedIn = ManagerGuard(m_database.connection()).requireSignedIn(session); !signedIn)
        return signedIn.error();
    const auto found = findById(session.staffId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return wrongPinError();
    if (auto right = checkPin(**found, pin); !right)
        return right.error();
    if ((*found)->member.failedAttempts == 0)
        return Done{};
    QSqlQuery reset(m_database.connection());
    reset.prepare(QStringLiteral("UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?"));
    reset.bindValue(0, session.staffId);
    return exec(reset);
}

Result<Done> StaffDirectory::changePin(const StaffSession& by, qint64 staffId, const QString& newPin)
{
    const QSqlDatabase db = m_database.connection();
    const ManagerGuard guard(db);
    const bool self = by.staffId == staffId;
    if (auto allowed = self ? guard.requireSignedIn(by) : guard.requireManager(by); !allowed)
        return allowed.error();
    const auto found = findById(staffId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{Error::Code::NotFound, tr("There is no staff account %1.").arg(staffId),
                     QStringLiteral("unknown_staff")};
    const auto hashed = PinHasher::hash(newPin);
    if (!hashed)
        return hashed.error();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    QSqlQuery store(db);
    // A manager's new PIN is also how a locked account opens again before its time.
    store.prepare(QStringLiteral("UPDATE staff SET pin_hash = ?, pin_salt = ?, kdf = ?, failed_attempts = 0,"
                                 " locked_until = NULL WHERE id = ?"));
    store.bindValue(0, hashed->hash);
    store.bindValue(1, hashed->salt);
    store.bindValue(2, hashed->kdf);
    store.bindValue(3, staffId);
    if (auto done = exec(store); !done)
        return done.error();
    const StaffMember& member = (*found)->member;
    const auto audited =
        AuditLog(db).append(by, AuditLog::kStaffPinChanged, QString(), QString(),
                            QJsonObject{{QStringLiteral("staff_id"), member.id},
                                        {QStringLiteral("failed_attempts"), member.failedAttempts},
                                        {QStringLiteral("locked_until"), jsonTime(member.lockedUntil)}},
                            QJsonObject{{QStringLiteral("staff_id"), member.id},
                                        {QStringLiteral("failed_attempts"), 0},
                                        {QStringLiteral("locked_until"), QJsonValue()}},
                            m_clock.nowIso());
    if (!audited)
        return audited.error();
    return transaction.commit();
}

Result<Done> StaffDirectory::deactivate(const StaffSession& by, qint64 staffId)
{
    const QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto allowed = ManagerGuard(db).requireManager(by); !allowed)
        return allowed.error();
    const auto found = findById(staffId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error{Error::Code::NotFound, tr("There is no staff account %1.").arg(staffId),
                     QStringLiteral("unknown_staff")};
    const StaffMember& member = (*found)->member;
    if (!member.active)
        return Done{};
    if (member.role == StaffRole::Manager) {
        QSqlQuery managers(db);
        if (!managers.exec(QStringLiteral("SELECT count(*) FROM staff WHERE role = 'manager' AND active = 1")) ||
            !managers.next())
            return StoreError::from(managers.lastError());
        if (managers.value(0).toLongLong() <= 1) {
            return Error{Error::Code::Refused,
                         tr("%1 is the last active manager; add another manager first.").arg(member.name),
                         QStringLiteral("last_manager")};
        }
    }
    const QString now = m_clock.nowIso();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE staff SET active = 0 WHERE id = ?"));
    update.bindValue(0, staffId);
    if (auto done = exec(update); !done)
        return done.error();
    QSqlQuery close(db);
    close.prepare(QStringLiteral("UPDATE shifts SET signed_out_at = ?, end_reason = 'deactivated'"
                                 " WHERE staff_id = ? AND signed_out_at IS NULL"));
    close.bindValue(0, now);
    close.bindValue(1, staffId);
    if (auto done = exec(close); !done)
        return done.error();
    const auto audited = AuditLog(db).append(
        by, AuditLog::kStaffDeactivated, QString(), QString(),
        QJsonObject{{QStringLiteral("staff_id"), member.id}, {QStringLiteral("active"), true}},
        QJsonObject{{QStringLiteral("staff_id"), member.id}, {QStringLiteral("active"), false}}, now);
    if (!audited)
        return audited.error();
    return transaction.commit();
}

}  // namespace loyalty
