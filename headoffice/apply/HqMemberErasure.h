#pragma once

#include "common/Result.h"
#include "records/HqMember.h"

#include <QJsonObject>
#include <QSqlQuery>

namespace loyalty::hq {

class HqDatabase;
class HqRecordWriter;

// The right to erasure at head office (docs/head-office.md, "Erasure"). Inside the caller's write
// transaction: the member's name, e-mail, phone and birthday are blanked and erased_at set, their
// active cards are blocked, and the copies head office keeps elsewhere are redacted in place — the
// payloads of the member's stored member.enrolled events and the member changes of the pull feed —
// so neither a database dump nor a till provisioned later finds the personal data. The ledger,
// sales and the pseudonymous audit entries stay: they carry amounts, not a person.
class HqMemberErasure final
{
public:
    HqMemberErasure(HqDatabase& database, HqRecordWriter& writer);
    Q_DISABLE_COPY_MOVE(HqMemberErasure)

    // `member` as stored; erasing an erased member again keeps the first erased_at and changes nothing.
    Result<Done> erase(const HqMember& member, const QString& erasedAt, const QString& originTill);
    // Redacts the stored copies of an erased member's data (also for an enrolment that arrives after
    // the erasure: a till re-sending it under a new event id).
    Result<Done> redactStoredCopies(const HqMember& erased);

    static HqMember blanked(HqMember member, const QString& erasedAt);
    // A member.enrolled payload without the personal fields.
    static QJsonObject redactedEnrolment(QJsonObject payload);

private:
    HqRecordWriter& m_writer;
    QString m_snapshots;  // the published till snapshots' folder (TillSnapshotStore); empty: none
    QSqlQuery m_enrolments;
    QSqlQuery m_updateEvent;
    QSqlQuery m_memberChanges;
    QSqlQuery m_updateChange;
};

}  // namespace loyalty::hq
