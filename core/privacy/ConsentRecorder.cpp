#include "privacy/ConsentRecorder.h"

#include "audit/AuditLog.h"
#include "audit/MemberPseudonym.h"
#include "outbox/OutboxRepository.h"
#include "staff/ManagerGuard.h"
#include "staff/StaffSession.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "time/Clock.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

ConsentRecorder::ConsentRecorder(Database& database, const Clock& clock, const TillSettings& settings)
    : m_database(database)
    , m_clock(clock)
    , m_settings(settings)
{
}

Result<RecordedConsent> ConsentRecorder::record(qint64 memberId, const QString& purpose, bool given,
                                                const QString& textVersion, const std::optional<StaffSession>& by)
{
    // Purposes are stable words ("programme", "marketing"), as head office keys them.
    static const QRegularExpression word(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$"));
    const QString cleanPurpose = purpose.trimmed();
    const QString cleanVersion = textVersion.trimmed();
    if (cleanPurpose.isEmpty() || cleanPurpose.size() > kMaxFieldLength || !word.match(cleanPurpose).hasMatch()) {
        return Error{Error::Code::InvalidInput,
                     tr("The consent purpose must be a short word of lower-case letters, digits, '.', '_' or '-'."),
                     QStringLiteral("purpose")};
    }
    if (cleanVersion.isEmpty() || cleanVersion.size() > kMaxFieldLength) {
        return Error{Error::Code::InvalidInput,
                     tr("The consent text needs a version of at most %1 characters.").arg(kMaxFieldLength),
                     QStringLiteral("text_version")};
    }
    const QSqlDatabase db = m_database.connection();
    if (by) {
        if (auto signedIn = ManagerGuard(db).requireSignedIn(*by); !signedIn)
            return signedIn.error();
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
    RecordedConsent recorded{0, member.value(0).toString(), cleanPurpose, given, cleanVersion, now};
    const bool erased = !member.value(1).isNull();
    member.finish();
    if (erased) {
        return Error{Error::Code::Refused,
                     tr("Member %1 was erased on request; nobody can give consent for them any more.").arg(memberId),
                     QStringLiteral("member_erased")};
    }

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO consents (member_id, purpose, given, text_version, recorded_at)"
                                  " VALUES (?, ?, ?, ?, ?)"));
    insert.bindValue(0, memberId);
    insert.bindValue(1, cleanPurpose);
    insert.bindValue(2, given ? 1 : 0);
    insert.bindValue(3, cleanVersion);
    insert.bindValue(4, now);
    if (!insert.exec())
        return StoreError::from(insert.lastError());
    recorded.id = insert.lastInsertId().toLongLong();

    QJsonObject payload{{QStringLiteral("member_uuid"), recorded.memberUuid},
                        {QStringLiteral("purpose"), cleanPurpose},
                        {QStringLiteral("given"), given},
                        {QStringLiteral("text_version"), cleanVersion},
                        {QStringLiteral("recorded_at"), now}};
    if (by) {
        const auto ref = MemberPseudonym(db).of(recorded.memberUuid);
        if (!ref)
            return ref.error();
        const QJsonObject after{{QStringLiteral("purpose"), cleanPurpose},
                                {QStringLiteral("given"), given},
                                {QStringLiteral("text_version"), cleanVersion}};
        const auto entry = AuditLog(db).append(*by, AuditLog::kConsentRecorded, *ref, QString(), {}, after, now);
        if (!entry)
            return entry.error();
        payload.insert(QStringLiteral("audit"), entry->toJson());
    }
    const auto event =
        OutboxRepository(db).append(m_settings.tillId, kConsentRecordedEvent, payload, std::nullopt, now);
    if (!event)
        return event.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return recorded;
}

}  // namespace loyalty
