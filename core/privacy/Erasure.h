#pragma once

#include "audit/AuditEntry.h"
#include "common/Result.h"
#include "settings/TillSettings.h"

#include <QCoreApplication>
#include <QStringList>

namespace loyalty {

class Clock;
class Database;
struct StaffSession;

// What an erasure did.
struct ErasedMember
{
    qint64 memberId = 0;
    QString memberUuid;
    QString erasedAt;
    QStringList blockedCards;
    AuditEntry audit;
};

// Erases a member on request (a manager only): name, contact details and birthday go, the
// member row stays because the ledger and the sales refer to it, and those keep their amounts,
// now anonymous, for accounting. In one transaction:
//  - members: name '' (the column is NOT NULL, as at head office), email, phone, birth_date NULL,
//    erased_at set; the search index follows by its triggers, so the member is found no more;
//  - the member's active cards are blocked: a card would otherwise keep identifying the person and
//    collecting purchases for a record nobody may name, and the till refuses a blocked card on
//    scan. The numbers stay: they are pseudonymous, sales name them, and a number must never be
//    issued again to somebody else (CardNumberRules finds every number ever used in cards);
//  - the member's "member.enrolled" outbox payloads lose name, contact and birthday (head office
//    redacts its copies the same way), so the till keeps no copy either;
//  - consents stay: they are the record that consent was given or withdrawn, and hold no personal
//    data beyond the pseudonymous member id;
//  - an audit entry "member.erased" naming the member by MemberPseudonym only, and the outbox
//    event "member.erased" {member_uuid, erased_at, audit} that carries the erasure to head office.
class Erasure final
{
    Q_DECLARE_TR_FUNCTIONS(Erasure)

public:
    static inline const QString kMemberErasedEvent = QStringLiteral("member.erased");
    static constexpr int kMaxReasonLength = 500;

    Erasure(Database& database, const Clock& clock, const TillSettings& settings);

    Result<ErasedMember> erase(const StaffSession& by, qint64 memberId, const QString& reason);

private:
    Result<int> redactEnrolmentEvents(const QString& memberUuid);

    Database& m_database;
    const Clock& m_clock;
    TillSettings m_settings;
};

}  // namespace loyalty
