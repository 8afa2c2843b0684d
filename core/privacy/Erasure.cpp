#include "privacy/Erasure.h"

#include "audit/AuditLog.h"
#include "audit/MemberPseudonym.h"
#include "members/Enrolment.h"
#include "outbox/OutboxRepository.h"
#include "staff/ManagerGuard.h"
#include "staff/StaffSession.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

Erasure::Erasure(Database& database, const Clock& clock, const TillSettings& settings)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
{
}

Result<int> Erasure::redactEnrolmentEvents(const QString& memberUuid)
{
    // Erasures are rare and the outbox has no index on the payload's member: a scan of the
    // enrolment events is acceptable here.
    const QSqlDatabase db = m_database.connection();
    QSqlQuery select(db);
    select.prepare(QStringLiteral("SELECT id, payload FROM outbox_events WHERE type = ?"
                                  " AND json_extract(payload, '$.member_uuid') = ?"));
    select.bindValue(0, Enrolment::kEnrolledEvent);
    select.bindValue(1, memberUuid);
    if (!select.exec())
        return StoreError::from(select.lastError());
    QList<std::pair<qint64, QByteArray>> redacted;
    while (select.next()) {
        QJsonObject payload = QJsonDocument::fromJson(select.value(1).toString().toUtf8()).object();
        payload.insert(QStringLiteral("name"), QStringLiteral(""));
        for (const QString& key : {QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("birth_date")}) {
            if (payload.contains(key))
                payload.insert(key, QJsonValue::Null);
        }
        payload.insert(QStringLiteral("redacted"), true);
        redacted.append({select.value(0).toLongLong(), QJsonDocument(payload).toJson(QJsonDocument::Compact)});
    }
    select.finish();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE outbox_events SET payload = ? WHERE id = ?"));
    for (const auto& [id, payload] : std::as_const(redacted)) {
        update.bindValue(0, QString::fromUtf8(payload));
        update.bindValue(1, id);
        if (!update.exec())
            return StoreError::from(update.lastError());
    }
    return static_cast<int>(redacted.size());
}

Result<ErasedMember> Erasure::erase(const StaffSession& by, qint64 memberId, const QString& reason)
{
    const QSqlDatabase db = m_database.connection();
    if (auto manager = ManagerGuard(db).requireManager(by); !manager)
        return manager.error();
    const QString why = reason.trimmed();
    if (why.isEmpty()) {
        return Error{Error::Code::InvalidInput, tr("Say why the member is erased (e.g. the customer's request)."),
                     QStringLiteral("reason_missing")};
    }
    if (why.size() > kMaxReasonLength) {
        return Error{Error::Code::InvalidInput,
                     tr("The reason is %1 characters long; keep it to %2.").arg(why.size()).arg(kMaxReasonLength),
                     QStringLiteral("reason_too_long")};
    }
    const QString now = m_clock.nowIso();
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();

    QSqlQuery member(db);
    member.prepare(QStringLiteral("SELECT uuid, erased_at FROM members WHERE id = ?"));
    member.bindValue(0, memberId);
    if (!member.exec())
        return StoreError::from(member.lastError());
    if (!member.next()) {
        return Error{Error::Code::NotFound, tr("There is no member %1 on this till.").arg(memberId),
                     QStringLiteral("unknown_member")};
    }
    ErasedMember erased;
    erased.memberId = memberId;
    erased.memberUuid = member.value(0).toString();
    erased.erasedAt = now;
    const bool already = !member.value(1).isNull();
    member.finish();
    if (already) {
        return Error{Error::Code::Conflict, tr("Member %1 was already erased.").arg(memberId),
                     QStringLiteral("already_erased")};
    }

    QSqlQuery cards(db);
    cards.prepare(QStringLiteral("SELECT number FROM cards WHERE member_id = ? AND state = 'active' ORDER BY number"));
    cards.bindValue(0, memberId);
    if (!cards.exec())
        return StoreError::from(cards.lastError());
    while (cards.next())
        erased.blockedCards << cards.value(0).toString();
    cards.finish();

    QSqlQuery blank(db);
    blank.prepare(QStringLiteral("UPDATE members SET name = '', email = NULL, phone = NULL, birth_date = NULL,"
                                 " erased_at = ? WHERE id = ?"));
    blank.bindValue(0, now);
    blank.bindValue(1, memberId);
    if (!blank.exec())
        return StoreError::from(blank.lastError());
    QSqlQuery block(db);
    block.prepare(QStringLiteral("UPDATE cards SET state = 'blocked' WHERE member_id = ? AND state = 'active'"));
    block.bindValue(0, memberId);
    if (!block.exec())
        return StoreError::from(block.lastError());
    const auto redacted = redactEnrolmentEvents(erased.memberUuid);
    if (!redacted)
        return redacted.error();

    // The audit log is kept for good: it holds counts and card numbers (pseudonymous), never what
    // was erased.
    const auto ref = MemberPseudonym(db).of(erased.memberUuid);
    if (!ref)
        return ref.error();
    QJsonArray blockedJson;
    for (const QString& number : std::as_const(erased.blockedCards))
        blockedJson.append(number);
    const QJsonObject before{{QStringLiteral("erased"), false}, {QStringLiteral("active_cards"), blockedJson}};
    const QJsonObject after{{QStringLiteral("erased"), true},
                            {QStringLiteral("erased_at"), now},
                            {QStringLiteral("blocked_cards"), blockedJson},
                            {QStringLiteral("redacted_events"), *redacted}};
    const auto entry = AuditLog(db).append(by, AuditLog::kMemberErased, *ref, why, before, after, now);
    if (!entry)
        return entry.error();
    erased.audit = *entry;
    const QJsonObject payload{{QStringLiteral("member_uuid"), erased.memberUuid},
                              {QStringLiteral("erased_at"), now},
                              {QStringLiteral("audit"), entry->toJson()}};
    const auto event = OutboxRepository(db).append(m_settings.tillId, kMemberErasedEvent, payload, std::nullopt, now);
    if (!event)
        return event.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return erased;
}

}  // namespace loyalty
