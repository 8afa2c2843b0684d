#pragma once

#include "audit/AuditEntry.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace loyalty {

struct StaffSession;

// The append-only, hash-chained log of every manual action (audit_log, migration 7). append runs
// INSIDE the caller's write transaction, like OutboxRepository::append, so the action, its audit
// entry and its outbox event commit together or not at all.
//
// The chain's head (last seq in till_counters 'audit.head_seq', its hash in settings
// 'audit.head_hash') moves with every entry, so deleting the newest entries shows too, and append
// continues from the head rather than from what is left in the table. Somebody who rewrites the
// whole file consistently is only caught by the copies head office received through the outbox.
class AuditLog final
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    // Actions, stable words (scripts and head office read them).
    static inline const QString kPointsAdjusted = QStringLiteral("points.adjusted");
    static inline const QString kWalletAdjusted = QStringLiteral("wallet.adjusted");
    static inline const QString kMembersMerged = QStringLiteral("members.merged");
    static inline const QString kCardUnblocked = QStringLiteral("card.unblocked");
    static inline const QString kCardReplaced = QStringLiteral("card.replaced");
    static inline const QString kMemberErased = QStringLiteral("member.erased");
    static inline const QString kMemberExported = QStringLiteral("member.exported");
    static inline const QString kConsentRecorded = QStringLiteral("consent.recorded");
    static inline const QString kStaffAdded = QStringLiteral("staff.added");
    static inline const QString kStaffLocked = QStringLiteral("staff.locked");
    static inline const QString kStaffDeactivated = QStringLiteral("staff.deactivated");
    static inline const QString kStaffPinChanged = QStringLiteral("staff.pin_changed");

    static inline const QString kHeadSeqCounter = QStringLiteral("audit.head_seq");
    static inline const QString kHeadHashSetting = QStringLiteral("audit.head_hash");
    // The name entries carry when no staff account acted: loyalty-ctl, run by whoever holds the file.
    static inline const QString kAdministratorName = QStringLiteral("administrator (loyalty-ctl)");

    explicit AuditLog(const QSqlDatabase& db);

    // `by` with staffId 0 records an administrator (staff_id NULL). `memberRef` is a
    // MemberPseudonym (never a uuid, name or card number), empty for actions without a member.
    Result<AuditEntry> append(const StaffSession& by, const QString& action, const QString& memberRef,
                              const QString& reason, const QJsonObject& before, const QJsonObject& after,
                              const QString& recordedAt);

    // Newest first: up to `limit` entries with seq below `beforeSeq` (0: from the newest), only
    // the member's when `memberRef` is given.
    Result<QList<AuditEntry>> list(int limit, qint64 beforeSeq = 0, const QString& memberRef = {}) const;

private:
    QSqlDatabase m_db;
};

}  // namespace loyalty
