#pragma once

// A demo till with a signed-in manager and a signed-in cashier for the correction tests. Staff and
// shifts are written with SQL (schema 7) so the tests do not pay for the PIN KDF; ManagerGuard only
// looks at the staff row and the shift. The helpers read the database independently of Corrections.
#include "audit/AuditVerifier.h"
#include "corrections/Corrections.h"
#include "demo/DemoDataGenerator.h"
#include "settings/TillSettings.h"
#include "staff/StaffSession.h"
#include "store/ConsistencyCheck.h"
#include "store/Database.h"
#include "time/FixedClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <memory>
#include <optional>

namespace loyalty::test {

class CorrectionsFixture final
{
public:
    CorrectionsFixture()
        : m_clock(QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC))
    {
    }
    Q_DISABLE_COPY_MOVE(CorrectionsFixture)

    // Returns an empty string when the till is ready, else why not.
    QString open(qint64 members = 30)
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        auto opened = Database::open(m_dir.filePath(QStringLiteral("till.db")), m_clock);
        if (!opened.ok())
            return opened.error().message;
        m_database = std::move(opened).value();
        if (auto generated = DemoDataGenerator(*m_database, m_clock).generate(members); !generated)
            return generated.error().message;
        const auto settings = TillSettings::load(m_database->connection());
        if (!settings)
            return settings.error().message;
        m_settings = std::make_unique<TillSettings>(*settings);
        m_corrections = std::make_unique<Corrections>(*m_database, m_clock, *m_settings);
        manager = signedIn(QStringLiteral("Maria Manager"), StaffRole::Manager);
        cashier = signedIn(QStringLiteral("Carl Cashier"), StaffRole::Cashier);
        return manager.staffId > 0 && cashier.staffId > 0 ? QString() : QStringLiteral("staff not written");
    }

    StaffSession signedIn(const QString& name, StaffRole role)
    {
        QSqlQuery staff(db());
        staff.prepare(QStringLiteral("INSERT INTO staff (name, role, pin_hash, pin_salt, kdf, created_at)"
                                     " VALUES (?, ?, x'00', x'00', 'test', ?)"));
        staff.bindValue(0, name);
        staff.bindValue(1, role == StaffRole::Manager ? QStringLiteral("manager") : QStringLiteral("cashier"));
        staff.bindValue(2, m_clock.nowIso());
        if (!staff.exec())
            return {};
        const qint64 staffId = staff.lastInsertId().toLongLong();
        QSqlQuery shift(db());
        shift.prepare(QStringLiteral("INSERT INTO shifts (staff_id, signed_in_at) VALUES (?, ?)"));
        shift.bindValue(0, staffId);
        shift.bindValue(1, m_clock.nowIso());
        if (!shift.exec())
            return {};
        return StaffSession{staffId, name, role, shift.lastInsertId().toLongLong()};
    }

    QSqlDatabase db() const { return m_database->connection(); }
    Database& database() { return *m_database; }
    FixedClock& clock() { return m_clock; }
    const TillSettings& settings() const { return *m_settings; }
    Corrections& corrections() { return *m_corrections; }

    QVariant scalar(const QString& sql, const QVariantList& values = {}) const
    {
        QSqlQuery query(db());
        query.prepare(sql);
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            return {};
        }
        return query.next() ? query.value(0) : QVariant();
    }

    qint64 balance(qint64 memberId, const QString& account = QStringLiteral("points")) const
    {
        return scalar(QStringLiteral("SELECT coalesce(sum(points), 0) FROM ledger_entries"
                                     " WHERE member_id = ? AND account = ?"),
                      {memberId, account})
            .toLongLong();
    }

    QString uuidOf(qint64 memberId) const
    {
        return scalar(QStringLiteral("SELECT uuid FROM members WHERE id = ?"), {memberId}).toString();
    }

    qint64 count(const QString& table) const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table)).toLongLong();
    }

    // Everything a correction may write, as one comparable text.
    QString fingerprint() const
    {
        return QStringLiteral("%1/%2/%3/%4/%5")
            .arg(count(QStringLiteral("ledger_entries")))
            .arg(count(QStringLiteral("audit_log")))
            .arg(count(QStringLiteral("outbox_events")))
            .arg(scalar(QStringLiteral("SELECT group_concat(number || ':' || member_id || ':' || state, ',')"
                                       " FROM (SELECT * FROM cards ORDER BY number)"))
                     .toString())
            .arg(scalar(QStringLiteral("SELECT group_concat(id || ':' || coalesce(merged_into, '-'), ',')"
                                       " FROM (SELECT * FROM members ORDER BY id)"))
                     .toString());
    }

    // The newest outbox event of the type: its payload, or nothing.
    std::optional<QJsonObject> lastEvent(const QString& type) const
    {
        const QVariant payload = scalar(
            QStringLiteral("SELECT payload FROM outbox_events WHERE type = ? ORDER BY sequence DESC LIMIT 1"), {type});
        if (!payload.isValid())
            return std::nullopt;
        return QJsonDocument::fromJson(payload.toByteArray()).object();
    }

    // The audit entry's row as stored (action, reason, member_ref, before, after, staff name).
    QVariantMap auditRow(qint64 seq) const
    {
        QSqlQuery query(db());
        query.prepare(QStringLiteral("SELECT action, reason, member_ref, before, after, staff_name, recorded_at"
                                     " FROM audit_log WHERE seq = ?"));
        query.bindValue(0, seq);
        QVariantMap row;
        if (!query.exec() || !query.next())
            return row;
        const char* names[] = {"action", "reason", "member_ref", "before", "after", "staff_name", "recorded_at"};
        for (int i = 0; i < 7; ++i)
            row.insert(QLatin1String(names[i]), query.value(i));
        return row;
    }

    // Empty when ConsistencyCheck and the audit chain are both content.
    QString problems() const
    {
        const auto report = ConsistencyCheck(*m_database).run();
        if (!report)
            return report.error().message;
        if (!report->problems.isEmpty())
            return report->problems.join(u'\n');
        const auto chain = AuditVerifier(db()).run();
        if (!chain)
            return chain.error().message;
        return chain->ok() ? QString() : chain->message;
    }

    StaffSession manager;
    StaffSession cashier;

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TillSettings> m_settings;
    std::unique_ptr<Corrections> m_corrections;
};

// The audit entry a correction returned is the one stored, and its outbox event (same
// transaction) carries it under "audit" and names the member by uuid.
#define LOYALTY_VERIFY_AUDITED(fixture, eventType, auditEntry, expectedAction, memberUuid)                             \
    do {                                                                                                               \
        const auto event_ = (fixture).lastEvent(eventType);                                                            \
        QVERIFY2(event_.has_value(), "no outbox event");                                                               \
        QCOMPARE(event_->value(QStringLiteral("member_uuid")).toString(), QString(memberUuid));                        \
        QCOMPARE(event_->value(QStringLiteral("audit")).toObject(), (auditEntry).toJson());                            \
        const QVariantMap row_ = (fixture).auditRow((auditEntry).seq);                                                 \
        QCOMPARE(row_.value(QStringLiteral("action")).toString(), QString(expectedAction));                            \
        QCOMPARE(row_.value(QStringLiteral("member_ref")).toString(), (auditEntry).memberRef);                         \
        QCOMPARE(row_.value(QStringLiteral("staff_name")).toString(), (fixture).manager.name);                         \
        QVERIFY(!(auditEntry).memberRef.isEmpty());                                                                    \
        QVERIFY(!(auditEntry).memberRef.contains(QString(memberUuid)));                                                \
    } while (false)

}  // namespace loyalty::test
