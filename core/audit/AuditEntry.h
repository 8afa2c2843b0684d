#pragma once

#include <QJsonObject>
#include <QString>

namespace loyalty {

// One entry of the hash-chained audit log: who did what to which (pseudonymous) member, why, and
// the state before and after. hash covers every other field and prev_hash, the previous entry's hash.
struct AuditEntry
{
    qint64 seq = 0;
    QString recordedAt;  // UTC, ISO 8601 with milliseconds, as the caller's transaction stamps it
    qint64 staffId = 0;  // 0: no staff account (an administrator at loyalty-ctl)
    QString staffName;
    QString action;     // a stable word, AuditLog::k* ("points.adjusted", "staff.added"...)
    QString memberRef;  // MemberPseudonym, empty when the action concerns no member
    QString reason;
    QJsonObject before;
    QJsonObject after;
    QString prevHash;
    QString hash;

    // The entry as outbox events carry it under "audit" and loyalty-ctl --json prints it.
    QJsonObject toJson() const;
};

}  // namespace loyalty
