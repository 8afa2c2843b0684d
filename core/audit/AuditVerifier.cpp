#include "audit/AuditVerifier.h"

#include "audit/AuditHash.h"
#include "audit/AuditLog.h"
#include "store/StoreError.h"

#include <QSqlQuery>
#include <QVariant>

namespace loyalty {

AuditVerifier::AuditVerifier(const QSqlDatabase& db)
    : m_db(db)
{
}

Result<AuditVerification> AuditVerifier::run() const
{
    AuditVerification found;
    const auto fail = [&found](AuditVerification::Problem problem, qint64 seq, const QString& message) {
        found.problem = problem;
        found.firstBadSeq = seq;
        found.message = message;
        return found;
    };

    QSqlQuery rows(m_db);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT seq, recorded_at, staff_id, staff_name, action, member_ref, reason,"
                                  " before, after, prev_hash, hash FROM audit_log ORDER BY seq")))
        return StoreError::from(rows.lastError());
    qint64 expectedSeq = 1;
    QString previousHash = AuditHash::kGenesis;
    while (rows.next()) {
        AuditEntry entry;
        entry.seq = rows.value(0).toLongLong();
        entry.recordedAt = rows.value(1).toString();
        entry.staffId = rows.value(2).toLongLong();
        entry.staffName = rows.value(3).toString();
        entry.action = rows.value(4).toString();
        entry.memberRef = rows.value(5).toString();
        entry.reason = rows.value(6).toString();
        const QByteArray before = rows.value(7).toString().toUtf8();
        const QByteArray after = rows.value(8).toString().toUtf8();
        entry.prevHash = rows.value(9).toString();
        entry.hash = rows.value(10).toString();
        ++found.entries;

        if (entry.seq != expectedSeq) {
            return fail(
                AuditVerification::Problem::Missing, expectedSeq,
                expectedSeq + 1 == entry.seq
                    ? tr("Entry %1 is missing: it was deleted.").arg(expectedSeq)
                    : tr("Entries %1 to %2 are missing: they were deleted.").arg(expectedSeq).arg(entry.seq - 1));
        }
        if (AuditHash::of(entry, before, after) != entry.hash) {
            return fail(AuditVerification::Problem::Edited, entry.seq,
                        tr("Entry %1 (%2, %3) was changed after it was written: its content no longer "
                           "matches its hash.")
                            .arg(entry.seq)
                            .arg(entry.action, entry.recordedAt));
        }
        if (entry.prevHash != previousHash) {
            return fail(AuditVerification::Problem::Unlinked, entry.seq,
                        tr("Entry %1 (%2, %3) does not follow the entry before it: entries were deleted, "
                           "inserted or moved there.")
                            .arg(entry.seq)
                            .arg(entry.action, entry.recordedAt));
        }
        previousHash = entry.hash;
        ++expectedSeq;
    }
    if (rows.lastError().isValid())
        return StoreError::from(rows.lastError());
    rows.finish();

    const qint64 lastSeq = expectedSeq - 1;
    QSqlQuery head(m_db);
    head.prepare(QStringLiteral("SELECT (SELECT value FROM till_counters WHERE name = ?),"
                                " (SELECT value FROM settings WHERE key = ?)"));
    head.bindValue(0, AuditLog::kHeadSeqCounter);
    head.bindValue(1, AuditLog::kHeadHashSetting);
    if (!head.exec() || !head.next())
        return StoreError::from(head.lastError());
    if (head.value(0).isNull() || head.value(1).isNull()) {
        if (lastSeq == 0)
            return found;  // a log nobody wrote to yet
        return fail(AuditVerification::Problem::HeadMissing, 1,
                    tr("The record of the log's last entry is missing although the log has %n entries.", nullptr,
                       int(lastSeq)));
    }
    const qint64 headSeq = head.value(0).toLongLong();
    const QString headHash = head.value(1).toString();
    if (headSeq > lastSeq) {
        return fail(
            AuditVerification::Problem::HeadMismatch, lastSeq + 1,
            headSeq == lastSeq + 1
                ? tr("Entry %1, the newest, is missing: it was deleted.").arg(headSeq)
                : tr("Entries %1 to %2, the newest, are missing: they were deleted.").arg(lastSeq + 1).arg(headSeq));
    }
    if (headSeq < lastSeq) {
        return fail(
            AuditVerification::Problem::HeadMismatch, headSeq + 1,
            tr("Entry %1 and after were added past the log's recorded end: they were inserted.").arg(headSeq + 1));
    }
    if (headHash != previousHash) {
        return fail(
            AuditVerification::Problem::HeadMismatch, lastSeq,
            tr("Entry %1, the newest, is not the one the log recorded as its end: it was replaced.").arg(lastSeq));
    }
    return found;
}

}  // namespace loyalty
